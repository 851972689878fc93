using System;
using LockFirmware.Ports;
using LockFirmware.Safety;
using LockFirmware.Time;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// The output guard as the board has it (firmware/LockFirmware/Esp32/TimerOutputGuard.cs): a
/// one-shot timer whose callback runs on its own managed thread, so a hung dispatcher does not
/// hold it up, but a GC pause or a long native call (a flash commit) does; it fires on a tick,
/// up to one thread quantum late. On firing it cuts the bridge and the test load on the board
/// itself; if the lock logic still has not checked in after
/// <see cref="GuardTimings.RestartAfterTripMs"/>, it asks for a restart.
/// </summary>
public sealed class VirtualGuard : IOutputGuard
{
    private readonly VirtualClock _clock;
    private readonly BoardScheduler _scheduler;
    private readonly VirtualBoard _board;
    private readonly TraceRecorder _trace;
    private long _plannedFire = Timers.Never;
    private long _lastCheckIn;

    public VirtualGuard(VirtualClock clock, BoardScheduler scheduler, VirtualBoard board, TraceRecorder trace)
    {
        _clock = clock;
        _scheduler = scheduler;
        _board = board;
        _trace = trace;
    }

    public bool Tripped { get; private set; }

    /// <summary>A port unit's strike: the guard cuts its relay with the other outputs.</summary>
    public IStrike? Strike { get; set; }

    /// <summary>Times the guard has fired since the unit was built (across restarts).</summary>
    public int Trips { get; private set; }

    /// <summary>At the first trip, how long the lock logic had not checked in (ms); 0 before any.</summary>
    public long FirstSilenceMs { get; private set; }

    /// <summary>When the guard restarts the unit unless the lock logic checks in first; Never when not pending.</summary>
    public long RestartAt { get; private set; } = Timers.Never;

    /// <summary>When the guard's callback runs; Never when disarmed.</summary>
    public long FireTime => _plannedFire == Timers.Never ? Timers.Never : Math.Max(_plannedFire, _scheduler.NativeUntil);

    public void Arm(int withinMs)
    {
        CheckIn();
        _plannedFire = _scheduler.ManagedWake(_clock.NowMilliseconds + withinMs);
    }

    public void Disarm()
    {
        CheckIn();
        _plannedFire = Timers.Never;
    }

    public void Clear() => Tripped = false;

    /// <summary>Fires if its time has come; true when it did. (Asked at every step of the run loop: the firing itself is apart, so this look inlines.)</summary>
    public bool FireIfDue()
    {
        long now = _clock.NowMilliseconds;
        if (FireTime > now)
        {
            return false;
        }

        Fire(now);
        return true;
    }

    private void Fire(long now)
    {
        _plannedFire = Timers.Never;
        _board.Drive(MotorDrive.Coast);
        _board.Apply(false);
        Strike?.Release(false);
        Tripped = true;
        Trips++;
        if (Trips == 1)
        {
            FirstSilenceMs = now - _lastCheckIn;
        }

        RestartAt = now + GuardTimings.RestartAfterTripMs;
        _trace.Log(now, Signals.Guard, $"guard stopped the motor and the test load: no check-in for {now - _lastCheckIn} ms");
    }

    /// <summary>The unit restarted: a new boot starts disarmed.</summary>
    public void Reset()
    {
        _plannedFire = Timers.Never;
        RestartAt = Timers.Never;
        Tripped = false;
        _lastCheckIn = _clock.NowMilliseconds;
    }

    private void CheckIn()
    {
        _lastCheckIn = _clock.NowMilliseconds;
        RestartAt = Timers.Never;
    }
}
