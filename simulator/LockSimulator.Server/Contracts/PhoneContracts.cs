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

    /// <summary>
    /// The result code of the last command, or of the refusal that ended the operation. A lock
    /// that refuses still answers: the HTTP status is 200 and this is not "Ok".
    /// </summary>
    public string? Result { get; init; }

    /// <summary>Messages the lock refused outside a session, e.g. HELLO answered OutsideWindow.</summary>
    public required PhoneRefusal[] Refusals { get; init; }
    public required long StartedMs { get; init; }
    public required long FinishedMs { get; init; }
    public StatusView? Status { get; init; }
    public AuditRecordView[]? Records { get; init; }

    /// <summary>Events the lock notified to the phone during the operation, decoded.</summary>
    public required PhoneEventView[] Events { get; init; }
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

    /// <summary>
    /// Weekdays the credential may be used, with the daily window below. Left out: every day, any
    /// time (and then the window may not be given). An empty list is refused: it would mean never.
    /// </summary>
    public DayOfWeek[]? Days { get; init; }

    /// <summary>Start of the daily window, minutes after midnight UTC (0 … 1439; needs days).</summary>
    public int? DayStartMinutes { get; init; }

    /// <summary>End of the daily window, minutes after midnight UTC, after the start (1 … 1440; needs days).</summary>
    public int? DayEndMinutes { get; init; }
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

/// <summary>A message the lock refused outside a session.</summary>
/// <param name="Message">Which message: Hello, SetTime, Pair, Command, Info or its type in hex.</param>
/// <param name="Result">The lock's result code, e.g. OutsideWindow, ClockUnknown, BackOff.</param>
public sealed record PhoneRefusal(string Message, string Result);

/// <summary>
/// An event the lock notified during a phone's operation (docs/PROTOCOL.md, "Events"). Kind
/// "stateChanged" carries state, alarm and battery; kind "selfTestFinished" carries outcome and loadedMillivolts.
/// </summary>
public sealed record PhoneEventView
{
    public required string Kind { get; init; }
    public string? State { get; init; }
    public string? Alarm { get; init; }
    public string? Battery { get; init; }
    public string? Outcome { get; init; }
    public int? LoadedMillivolts { get; init; }
}

/// <summary>A pairing through the API: the secret to install (64 hex digits; made from the seed when left out) and the organisation.</summary>
public sealed record PairRequest
{
    public string? Secret { get; init; }

    /// <summary>The care organisation the unit belongs to (0 … 255).</summary>
    public byte Organisation { get; init; } = 1;
}

/// <summary>How a pairing went: the lock's answer to PAIR and, when it was Ok, the secret now in use.</summary>
public sealed record PairResult
{
    /// <summary>False when the lock never answered (e.g. it lost power).</summary>
    public required bool Answered { get; init; }

    /// <summary>Ok, or the refusal: PairingClosed (already paired, or the window closed), BadFrame.</summary>
    public string? Result { get; init; }

    /// <summary>The installed secret, hex, when the result is Ok.</summary>
    public string? Secret { get; init; }
    public required long StartedMs { get; init; }
    public required long FinishedMs { get; init; }
    public required LockView Lock { get; init; }
}
