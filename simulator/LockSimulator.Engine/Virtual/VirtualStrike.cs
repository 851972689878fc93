using LockFirmware.Ports;
using LockSimulator.Budget;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// A port unit's relay and fail-secure electric strike: the coil draws its current while the
/// relay is on; the keeper frees the latch only after the solenoid has pulled in, and its
/// spring puts it back a moment after the coil is off (figures in <see cref="BoardBudget"/>).
/// A push on the door opens it only while the keeper is free: the simulator lets nobody in
/// earlier than the real strike would.
/// </summary>
public sealed class VirtualStrike : IStrike
{
    private readonly VirtualClock _clock;
    private readonly TraceRecorder _trace;
    private readonly BoardBudget _budget;
    private long _onAt = long.MaxValue;
    private long _offAt = long.MinValue / 2;

    public VirtualStrike(VirtualClock clock, TraceRecorder trace, BoardBudget budget)
    {
        _clock = clock;
        _trace = trace;
        _budget = budget;
    }

    /// <summary>The relay is on (the firmware asked for a release).</summary>
    public bool Energised { get; private set; }

    /// <summary>Current through the coil now, mA (from the building's supply).</summary>
    public int CoilMilliamps => Energised ? _budget.StrikeCoilMilliamps : 0;

    /// <summary>The longest time the relay stayed on in one go, ms.</summary>
    public long LongestReleaseMs { get; private set; }

    public void Release(bool released)
    {
        long now = _clock.NowMilliseconds;
        if (released == Energised)
        {
            return;
        }

        Energised = released;
        if (released)
        {
            _onAt = now;
        }
        else
        {
            _offAt = now;
            LongestReleaseMs = System.Math.Max(LongestReleaseMs, now - _onAt);
            _onAt = long.MaxValue;
        }

        _trace.Record(now, Signals.Strike, released ? $"released ({CoilMilliamps} mA)" : "engaged (0 mA)");
    }

    /// <summary>The power is gone: the coil drops out.</summary>
    public void PowerLost() => Release(false);

    /// <summary>True when a push on the door at <paramref name="timeMs"/> gets through: the keeper has pulled in, or its spring has not yet returned it.</summary>
    public bool KeeperFree(long timeMs) =>
        (Energised && timeMs - _onAt >= _budget.StrikePullInMs) || (!Energised && timeMs - _offAt < _budget.StrikeSpringReturnMs);
}
