using System;

namespace LockSimulator.Server.Contracts;

/// <summary>One line of the fleet list.</summary>
public sealed record LockSummary(uint LockId, string Serial, string State, string? BatteryLevel, int? Warnings, bool Faulted);

/// <summary>Warning bits as the status carries them, with their names.</summary>
public sealed record WarningsView(int Bits, string[] Names);

/// <summary>
/// Everything about one lock: the firmware's own view (null while it has no power), the
/// physical world around it, and what the simulator recorded.
/// </summary>
public sealed record LockView
{
    public required uint LockId { get; init; }
    public required string Serial { get; init; }

    /// <summary>door, port or laundry (as created).</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The lock secret, hex: what the integrator's backend keeps to issue credentials. The one
    /// the last accepted PAIR installed (over a BLE link or POST /locks/{id}/pair); absent while unpaired.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>Fleet virtual time of this view, ms.</summary>
    public required long TimeMs { get; init; }
    public required bool Powered { get; init; }

    /// <summary>Set when the simulation of this lock failed; the lock is isolated and no longer runs.</summary>
    public string? Fault { get; init; }

    /// <summary>Unknown, Locked, Unlocking, Unlocked, Locking, Jammed; NoPower without battery.</summary>
    public required string State { get; init; }
    public string? Alarm { get; init; }
    public string? BatteryLevel { get; init; }
    public WarningsView? Warnings { get; init; }
    public string? GasRisk { get; init; }
    public string? LastSelfTest { get; init; }
    public int? CompletedLocks { get; init; }
    public int? CompletedUnlocks { get; init; }
    public bool? Paired { get; init; }

    /// <summary>User id of the last Command record in the audit log.</summary>
    public uint? LastUser { get; init; }

    /// <summary>Fleet virtual time of the last BLE write or notification, ms.</summary>
    public long? LastCommunicationMs { get; init; }

    /// <summary>Whether a phone holds the lock's one BLE connection.</summary>
    public required bool BleConnected { get; init; }

    public required string BatteryPreset { get; init; }
    public required double BatteryVolts { get; init; }
    public required double BatteryStateOfCharge { get; init; }

    /// <summary>Thumb-turn position: 0 locked … 1 unlocked.</summary>
    public required double BoltFraction { get; init; }

    /// <summary>The door as last set (PUT …/door): a door unit's optional door sensor, a port or laundry unit's door contact.</summary>
    public required bool DoorOpen { get; init; }

    /// <summary>A port or laundry unit's electric strike: released (its relay on, the door may be pushed open) or engaged; absent on a door unit.</summary>
    public string? Strike { get; init; }

    /// <summary>A port or laundry unit's building supply as its sense input sees it: present or lost (PUT …/mains); absent on a door unit, which runs on its battery.</summary>
    public string? Mains { get; init; }
    public double? JamFraction { get; init; }
    public required double FrictionFactor { get; init; }
    public required bool MotorOpenCircuit { get; init; }
}

/// <summary>The status payload a phone reads (docs/PROTOCOL.md, "Roles"), decoded; <see cref="Kind"/> says which kind of unit answered (door, port or laundry).</summary>
public sealed record StatusView(
    string State,
    string Alarm,
    string BatteryLevel,
    string LastSelfTest,
    int CompletedLocks,
    int CompletedUnlocks,
    WarningsView Warnings,
    string GasRisk,
    int HealthyLocks,
    int HealthyUnlocks,
    string Kind);

/// <summary>One audit record, decoded; <see cref="Text"/> is the back office's line.</summary>
public sealed record AuditRecordView
{
    public required uint Sequence { get; init; }

    /// <summary>Unix seconds, or seconds since boot when <see cref="TimeSinceBoot"/> (clock unknown).</summary>
    public required uint Time { get; init; }
    public required bool TimeSinceBoot { get; init; }
    public DateTimeOffset? At { get; init; }
    public required string Event { get; init; }
    public required string Result { get; init; }
    public required int BatteryMillivolts { get; init; }
    public required uint KeyId { get; init; }
    public required uint UserId { get; init; }
    public required int MotorOnTimeMs { get; init; }
    public required string Detail { get; init; }
    public required string Text { get; init; }
}

/// <summary>The audit log as it sits in the lock's flash.</summary>
public sealed record AuditView(uint NextSequence, uint AcknowledgedUpTo, uint Dropped, AuditRecordView[] Records);

/// <summary>One traced signal change, in fleet virtual time.</summary>
public sealed record TraceEventView(long TimeMs, string Signal, string Value);

/// <summary>Trace events from an index on; ask again with <see cref="Next"/>. Events before <see cref="First"/> are no longer kept.</summary>
public sealed record TraceView(TraceEventView[] Events, long Next, long First);

/// <summary>What a bulk creation made: lock ids <see cref="FirstLockId"/> … <see cref="LastLockId"/>.</summary>
public sealed record LocksCreatedView(int Created, uint FirstLockId, uint LastLockId);

/// <summary>A page of the fleet list in lock id order; ask for the next with <c>after</c> = <see cref="Next"/> (null: this was the last page).</summary>
public sealed record LockPageView(LockSummary[] Locks, uint? Next, int Total);
