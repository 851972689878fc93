namespace LockSimulator.Server.Contracts;

/// <summary>
/// One entry of the fleet's event log. Kinds: state, motor, led.green, led.red, load, button,
/// power (from the lock's trace); alarm, battery, warnings, gasRisk (the firmware's view when it
/// changes); door, created, removed, fault (the simulator's).
/// </summary>
public sealed record FleetEvent(long Seq, long TimeMs, uint LockId, string Kind, string Value, string[]? Names = null);

/// <summary>Retained events after a sequence number; ask again with <see cref="Next"/>.</summary>
public sealed record EventLogView(FleetEvent[] Events, long Next);

/// <summary>SHA-256 over every event published so far, as JSON lines: equal for equal runs.</summary>
public sealed record EventDigestView(long Count, string Sha256);

/// <summary>Where synced audit records and status are uploaded, and the secret their signature is made with.</summary>
public sealed record WebhookRequest
{
    /// <summary>An absolute http or https URL (not a link-local or cloud metadata address).</summary>
    public required string Url { get; init; }

    /// <summary>The HMAC key, 16 … 256 characters (its UTF-8 bytes); the server makes one when left out and answers it once.</summary>
    public string? Secret { get; init; }
}

/// <summary>
/// The webhook and how its deliveries went since its URL was set: delivered, failed (after
/// every retry), retries. <see cref="SignatureHeader"/> names the header with "sha256=" + hex HMAC-SHA256(secret, body).
/// </summary>
public sealed record WebhookView(string? Url, long Delivered, long Failed, long Retried, string? LastError, string SignatureHeader)
{
    /// <summary>The signing secret: only in the answer to setting the webhook.</summary>
    public string? Secret { get; init; }
}

/// <summary>What the phone app uploads after an operation: "status" (warnings) or "audit" (synced records and status).</summary>
public sealed record WebhookPayload(string Kind, uint LockId, string Serial, long TimeMs, uint UserId, StatusView? Status, AuditRecordView[]? Records);
