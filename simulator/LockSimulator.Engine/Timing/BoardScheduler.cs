using System;
using LockFirmware.Time;
using LockSimulator.Budget;

namespace LockSimulator.Timing;

/// <summary>
/// When the firmware's dispatcher thread gets to run on the virtual board, and how long its
/// work takes. Under <see cref="TimingProfile.Ideal"/> it runs the instant anything is due
/// and takes no time. Under <see cref="TimingProfile.Device"/> (seeded, so every run repeats)
/// it behaves as nanoFramework on FreeRTOS does, with the figures of <see cref="BoardBudget"/>:
/// a timed wait ends on the first tick at or after its deadline, any managed wake-up is late by
/// up to one thread quantum, each costly operation advances time while the motor keeps
/// running, and a GC pause or a native call stops every managed thread, the guard's included.
/// </summary>
public sealed class BoardScheduler
{
    private readonly Random _random;
    private readonly Random _handlers;
    private long _plannedDue = Timers.Never;
    private long _plannedWake = Timers.Never;
    private long _inputWake = Timers.Never;
    private long _spentMicros;

    public BoardScheduler(TimingProfile profile, int seed, BoardBudget budget)
    {
        Profile = profile;
        Budget = budget;
        _random = new Random(seed);
        _handlers = new Random(~seed);
    }

    public TimingProfile Profile { get; }

    public BoardBudget Budget { get; }

    public bool IsDevice => Profile == TimingProfile.Device;

    /// <summary>The dispatcher is busy (or hung, or stopped by a GC or a native call) until then.</summary>
    public long BusyUntil { get; private set; }

    /// <summary>No managed code at all runs before then (GC pause, a long native call such as a flash commit).</summary>
    public long NativeUntil { get; private set; }

    /// <summary>Moves virtual time on by what the firmware just spent (set by the simulated lock).</summary>
    public Action<long>? Elapse { get; set; }

    /// <summary>When the dispatcher runs next: inputs waiting since <paramref name="now"/>, or the core's next deadline.</summary>
    public long NextRound(long now, bool inputWaiting, long due)
    {
        if (!IsDevice)
        {
            long next = inputWaiting ? now : due;
            return next == Timers.Never ? next : Math.Max(next, BusyUntil);
        }

        if (inputWaiting && _inputWake == Timers.Never)
        {
            // The adapter's event handler runs on a managed thread, then wakes the dispatcher.
            _inputWake = now + Jitter();
        }

        if (due != _plannedDue)
        {
            _plannedDue = due;
            // A deadline already reached when the dispatcher looks (a move command's answer
            // waiting for the next round) means a wait of 0: it goes straight on, without a
            // timed wait to end on a tick (Esp32/Dispatcher.cs).
            _plannedWake = due == Timers.Never ? Timers.Never : due <= now ? now : ManagedWake(due);
        }

        long wake = Math.Min(inputWaiting ? _inputWake : Timers.Never, _plannedWake);
        return wake == Timers.Never ? wake : Math.Max(wake, BusyUntil);
    }

    /// <summary>When a managed timer due at <paramref name="deadline"/> really runs: the next tick, then up to a quantum later (callers also wait out <see cref="NativeUntil"/>).</summary>
    public long ManagedWake(long deadline)
    {
        if (!IsDevice)
        {
            return deadline;
        }

        long tick = Budget.TickMs;
        long onTick = (deadline + tick - 1) / tick * tick;
        return onTick + Jitter();
    }

    /// <summary>
    /// How late an adapter's managed event handler runs after its native event (up to one
    /// quantum), drawn apart from the dispatcher's jitter so adding a handler does not change it.
    /// </summary>
    public int HandlerDelayMs() => IsDevice ? _handlers.Next(Budget.ThreadQuantumMs + 1) : 0;

    /// <summary>A round has run: the interpreter's base cost of it is spent.</summary>
    public void RoundDone()
    {
        _inputWake = Timers.Never;
        _plannedDue = Timers.Never;
        Spend(Budget.RoundMicros);
    }

    /// <summary>Whether the collector runs after this round, and for how long (ms; 0 = not now).</summary>
    public int NextGcPause() =>
        IsDevice && _random.Next(Budget.RoundsPerGc) == 0 ? _random.Next(Budget.GcPauseMinMs, Budget.GcPauseMaxMs + 1) : 0;

    /// <summary>The firmware spends <paramref name="micros"/> of processing on the dispatcher thread (device profile only).</summary>
    public void Spend(long micros)
    {
        if (!IsDevice)
        {
            return;
        }

        _spentMicros += micros;
        long whole = _spentMicros / 1000;
        if (whole > 0)
        {
            _spentMicros -= whole * 1000;
            Elapse?.Invoke(whole);
        }
    }

    /// <summary>A native call that blocks every managed thread for <paramref name="ms"/>, spent inline (a slow flash commit).</summary>
    public void Block(long now, long ms)
    {
        NativeUntil = Math.Max(NativeUntil, now + ms);
        Elapse?.Invoke(ms);
    }

    /// <summary>From <paramref name="now"/> the dispatcher cannot run for <paramref name="ms"/> (a hang); with <paramref name="native"/> no managed thread can (a GC pause).</summary>
    public void Pause(long now, long ms, bool native)
    {
        BusyUntil = Math.Max(BusyUntil, now + ms);
        if (native)
        {
            NativeUntil = Math.Max(NativeUntil, now + ms);
        }
    }

    /// <summary>A restart: nothing is busy any more.</summary>
    public void Reset(long now)
    {
        BusyUntil = now;
        _inputWake = Timers.Never;
        _plannedDue = Timers.Never;
    }

    private long Jitter() => _random.Next(Budget.ThreadQuantumMs + 1);
}
