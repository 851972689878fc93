using System;
using LockFirmware.Security;

namespace LockFirmware.Protocol.Client;

/// <summary>What the backend grants a staff member for one lock (docs/PROTOCOL.md, "Credential").</summary>
public sealed record CredentialFields
{
    public required uint LockId { get; init; }
    public required uint KeyId { get; init; }
    public required uint UserId { get; init; }
    public Role Role { get; init; } = Role.Staff;

    /// <summary>1 = home care, 2 = home health care; free for the backend to assign.</summary>
    public byte Organisation { get; init; } = 1;

    public required DateTimeOffset ValidFrom { get; init; }
    public required DateTimeOffset ValidUntil { get; init; }

    /// <summary>Weekly schedule: allowed days (none = every day, any time) and the daily UTC window.</summary>
    public DayOfWeek[] Days { get; init; } = [];
    public TimeSpan DayStart { get; init; } = TimeSpan.Zero;
    public TimeSpan DayEnd { get; init; } = TimeSpan.FromHours(24);
}
