using System;
using LockFirmware.Time;
using LockSimulator.Budget;

namespace LockSimulator.Timing;

/// <summary>
/// When the firmware's dispatcher thread gets to run on the virtual board, and how long its
/// work takes. Under <see cref="TimingProfile.Ideal"/> it runs the instant anything is due
/// and takes no time. Under <see cref="TimingProfile.Device"/> (seeded, so every run repeats)
/// it behaves as nanoFramework on FreeRTOS does, with the figures of <see cref="BoardBudget"/>,
/// read from nf-interpreter:
/// - An idle interpreter (no managed thread ready) sits in Events_WaitForEvents, which on the
///   ESP32 polls its event flags once per vTaskDelay(1), i.e. on every FreeRTOS tick
///   (targets/ESP32/_nanoCLR/targetPAL_Events.cpp; CPU_Sleep is empty there, targetHAL_Power.c).
///   So a timed wait ends on the first tick at or after its deadline, and a native event (a GATT
///   write's access callback, a GPIO edge: PostManagedEvent → SaveToHALQueue → Events_Set) is
///   seen on the first tick after it; its managed handler then runs at once.
/// - A thread made ready by another (the write handler's AutoResetEvent.Set) runs as soon as
///   that one blocks: ScheduleThreads takes the next ready thread and calls ProcessTimer
///   after every slice (src/CLR/Core/Execution.cpp). The 20 ms quantum only delays a thread
///   while another managed thread keeps running, as a hung dispatcher does to the guard's
///   timer callback (<see cref="ManagedWake"/>).
/// - Each costly operation advances time while the motor keeps running, and a GC pause or a
///   native call stops every managed thread, the guard's included.
/// </summary>
public sealed class BoardScheduler
{
    private readonly int _seed;

    // Jitter and GC pauses are drawn on the board's timing only: an ideal-time lock never makes it.
    private Random? _random;
    private long _plannedDue = Timers.Never;
    private long _plannedWake = Timers.Never;
    private long _inputWake = Timers.Never;
    private long _spentMicros;

    public BoardScheduler(TimingProfile profile, int seed, BoardBudget budget)
    {
        Profile = profile;
        Budget = budget;
        _seed = seed;
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
            // The native event behind the input is seen on a tick; its handler queues the input
            // and wakes the dispatcher, which runs when the handler returns (a BLE write is
            // handed over on its tick already, see HandlerStart, and its handler's time is charged).
            _inputWake = OnTick(now);
        }

        if (due != _plannedDue)
        {
            _plannedDue = due;
            // A deadline already reached when the dispatcher looks (a move command's answer
            // waiting for the next round) means a wait of 0: it goes straight on, without a
            // timed wait to end on a tick (Esp32/Dispatcher.cs).
            // Otherwise the timed wait ends on the first tick at or after the deadline, and the
            // dispatcher runs at once: no other managed thread is busy then.
            _plannedWake = due == Timers.Never ? Timers.Never : due <= now ? now : OnTick(due);
        }

        long wake = Math.Min(inputWaiting ? _inputWake : Timers.Never, _plannedWake);
        return wake == Timers.Never ? wake : Math.Max(wake, BusyUntil);
    }

    /// <summary>
    /// When a managed timer callback due at <paramref name="deadline"/> really runs: the next
    /// tick, then up to a quantum later, since the thread it must share the interpreter with
    /// may be running (the output guard fires when the dispatcher is hung). Callers also wait
    /// out <see cref="NativeUntil"/>.
    /// </summary>
    public long ManagedWake(long deadline) => IsDevice ? OnTick(deadline) + Jitter() : deadline;

    /// <summary>The first FreeRTOS tick at or after <paramref name="time"/>: when the idle interpreter next looks at its events and timers.</summary>
    public long OnTick(long time)
    {
        long tick = Budget.TickMs;
        return (time + tick - 1) / tick * tick;
    }

    /// <summary>
    /// When the managed WriteRequested handler of a GATT write that reached the chip at
    /// <paramref name="arrival"/> starts: NimBLE's host task posts the event and blocks
    /// (esp32_nimble.cpp, DeviceBleCallback → PostAndWaitManagedGapEvent), the interpreter sees
    /// it on its next tick, and the managed side runs the handler straight through on that
    /// event's thread (nanoFramework.Runtime.Events EventSink's dispatch callback →
    /// nanoFramework.Device.Bluetooth BluetoothEventListener.OnEventServer → WriteRequested).
    /// A round running then delays it further by itself (the simulator runs what falls due
    /// during a round after it).
    /// </summary>
    public long HandlerStart(long arrival) => IsDevice ? OnTick(arrival) : arrival;

    /// <summary>When that handler has queued the write and answered it (Respond releases NimBLE's wait): its start plus its own time, whole ms.</summary>
    public long HandlerDone(long arrival) => HandlerStart(arrival) + (IsDevice ? (long)Math.Ceiling(UnlockPathCost.WriteHandlerMicros(Budget) / 1000) : 0);

    /// <summary>Device processing charged so far (µs), GC pauses, hangs and scheduling waits excluded.</summary>
    public long ChargedMicros { get; private set; }

    /// <summary>A write handler ran before the dispatcher: its time (dispatch and managed code, UnlockPathCost) is spent before the dispatcher's next work.</summary>
    public void HandlerRan()
    {
        if (IsDevice)
        {
            long micros = Whole(UnlockPathCost.WriteHandlerMicros(Budget));
            _spentMicros += micros;
            ChargedMicros += micros;
        }
    }

    /// <summary>The firmware spends <paramref name="micros"/> of interpreted work (a stage of UnlockPathCost), rounded up to whole µs.</summary>
    public void SpendInterpreted(double micros) => Spend(Whole(micros));

    /// <summary>A round begins: the interpreter's base cost of it (waking, the queue take) is spent before any of its work, the motor start included.</summary>
    public void RoundStarts() => Spend(Budget.RoundMicros);

    /// <summary>A round has run: the next one waits for a new input or deadline.</summary>
    public void RoundDone()
    {
        _inputWake = Timers.Never;
        _plannedDue = Timers.Never;
    }

    /// <summary>Whether the collector runs after this round, and for how long (ms; 0 = not now).</summary>
    public int NextGcPause() =>
        IsDevice && Random.Next(Budget.RoundsPerGc) == 0 ? Random.Next(Budget.GcPauseMinMs, Budget.GcPauseMaxMs + 1) : 0;

    /// <summary>The firmware spends <paramref name="micros"/> of processing on the dispatcher thread (device profile only).</summary>
    public void Spend(long micros)
    {
        if (!IsDevice)
        {
            return;
        }

        _spentMicros += micros;
        ChargedMicros += micros;
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

    private static long Whole(double micros) => (long)Math.Ceiling(micros);

    private long Jitter() => Random.Next(Budget.ThreadQuantumMs + 1);

    private Random Random => _random ??= new Random(_seed);
}
