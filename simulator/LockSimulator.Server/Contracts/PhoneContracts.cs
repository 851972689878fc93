using System;
using LockFirmware.Security;

namespace LockSimulator.Server.Contracts;

/// <summary>What a staff phone carries: the credential and its key, as the backend issued them.</summary>
public sealed record PhoneRequest
{
    /// <summary>The 40-byte credential, hex.</summary>
    public required string Credential { get; init; }

    /// <summary>The 32-byte credential key, hex.</summary>
    public required string Key { get; init; }

    /// <summary>ATT MTU the phone negotiates (23 … 247).</summary>
    public int Mtu { get; init; } = 23;
}

/// <summary>How a whole app operation went, and the lock afterwards.</summary>
public sealed record PhoneResult
{
    public required string Operation { get; init; }

    /// <summary>False when the lock never answered within the operation's virtual timeout.</summary>
    public required bool Answered { get; init; }

    /// <summary>The result code of the last command, or of the refusal that ended the operation.</summary>
    public string? Result { get; init; }

    /// <summary>Messages the lock refused outside a session, e.g. "Hello: OutsideWindow".</summary>
    public required string[] Refusals { get; init; }
    public required long StartedMs { get; init; }
    public required long FinishedMs { get; init; }
    public StatusView? Status { get; init; }
    public AuditRecordView[]? Records { get; init; }

    /// <summary>Events the lock notified to the phone during the operation.</summary>
    public required string[] Events { get; init; }
    public required LockView Lock { get; init; }
}

/// <summary>A credential to issue (docs/PROTOCOL.md, "Credential").</summary>
public sealed record CredentialRequest
{
    public required uint LockId { get; init; }
    public required uint KeyId { get; init; }
    public required uint UserId { get; init; }
    public Role Role { get; init; } = Role.Staff;
    public byte Organisation { get; init; } = 1;

    /// <summary>Defaults to the fleet's wall time less one hour.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Defaults to a day after <see cref="ValidFrom"/>.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Allowed weekdays; none = every day, any time.</summary>
    public DayOfWeek[] Days { get; init; } = [];
    public int DayStartMinutes { get; init; }
    public int DayEndMinutes { get; init; } = 1440;
}

/// <summary>An issued credential, hex, for the phone to carry.</summary>
public sealed record CredentialView(string Credential, string Key, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

/// <summary>A time token for a lock; <see cref="Time"/> defaults to the fleet's wall time.</summary>
public sealed record TimeTokenRequest
{
    public required uint LockId { get; init; }
    public DateTimeOffset? Time { get; init; }
}

/// <summary>A SET_TIME message, hex, that any phone can carry to the lock.</summary>
public sealed record TimeTokenView(string Token, DateTimeOffset Time);
