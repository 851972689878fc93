using LockFirmware.Ports;
using LockSimulator.Budget;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// A port unit's relay and fail-secure electric strike: the coil draws its current while the
/// relay is on; the keeper frees the latch only after the solenoid has pulled in, and its
/// spring puts it back a moment after the coil is off (figures in <see cref="BoardBudget"/>).
/// A push on the door opens it only while the keeper is free: the simulator lets nobody in
/// earlier than the real strike would. The coil hangs on the building's 12 V, the supply the
/// mains sense watches (hardware/boards/port-unit.md, "Wiring" and "Power"): with that supply
/// gone an energised relay pulls nothing in.
/// </summary>
public sealed class VirtualStrike : IStrike
{
    private readonly VirtualClock _clock;
    private readonly TraceRecorder _trace;
    private readonly BoardBudget _budget;
    private long _relayOnAt;
    private long _onAt = long.MaxValue;
    private long _offAt = long.MinValue / 2;

    /// <summary>The building's supply that feeds the coil is there (set by the unit's <see cref="VirtualMainsSupply"/>).</summary>
    private bool _supplied = true;

    public VirtualStrike(VirtualClock clock, TraceRecorder trace, BoardBudget budget)
    {
        _clock = clock;
        _trace = trace;
        _budget = budget;
    }

    /// <summary>The relay is on (the firmware asked for a release).</summary>
    public bool Energised { get; private set; }

    /// <summary>Current through the coil now, mA (from the building's supply).</summary>
    public int CoilMilliamps => Energised && _supplied ? _budget.StrikeCoilMilliamps : 0;

    /// <summary>The longest time the relay stayed on in one go, ms.</summary>
    public long LongestReleaseMs { get; private set; }

    public void Release(bool released)
    {
        long now = _clock.NowMilliseconds;
        if (released == Energised)
        {
            return;
        }

        bool pulling = Pulling;
        Energised = released;
        if (released)
        {
            _relayOnAt = now;
        }
        else
        {
            LongestReleaseMs = System.Math.Max(LongestReleaseMs, now - _relayOnAt);
        }

        Follow(pulling, now);
        _trace.Record(now, Signals.Strike, released ? $"released ({CoilMilliamps} mA)" : "engaged (0 mA)");
    }

    /// <summary>The building's supply goes or comes back: an energised coil drops out or pulls in.</summary>
    public void Supply(bool present)
    {
        bool pulling = Pulling;
        _supplied = present;
        Follow(pulling, _clock.NowMilliseconds);
    }

    private bool Pulling => Energised && _supplied;

    /// <summary>Notes when the solenoid began or stopped pulling (the keeper's times follow from these).</summary>
    private void Follow(bool wasPulling, long now)
    {
        if (Pulling == wasPulling)
        {
            return;
        }

        if (Pulling)
        {
            _onAt = now;
        }
        else
        {
            _offAt = now;
            _onAt = long.MaxValue;
        }
    }

    /// <summary>The power is gone: the coil drops out.</summary>
    public void PowerLost() => Release(false);

    /// <summary>True when a push on the door at <paramref name="timeMs"/> gets through: the keeper has pulled in, or its spring has not yet returned it.</summary>
    public bool KeeperFree(long timeMs) =>
        (Pulling && timeMs - _onAt >= _budget.StrikePullInMs) || (!Pulling && timeMs - _offAt < _budget.StrikeSpringReturnMs);
}
