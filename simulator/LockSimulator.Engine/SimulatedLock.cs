using System;
using System.Collections.Generic;
using LockFirmware;
using LockFirmware.Events;
using LockFirmware.Ports;
using LockFirmware.Safety;
using LockFirmware.Storage;
using LockFirmware.Time;
using LockSimulator.Budget;
using LockSimulator.Faults;
using LockSimulator.Physics;
using LockSimulator.Timing;
using LockSimulator.Tracing;
using LockSimulator.Virtual;

namespace LockSimulator;

/// <summary>
/// One lock unit in virtual time: the firmware's LockCore on a virtual board over a physical
/// drive train. Inputs are scheduled at virtual times; <see cref="RunUntil"/> advances time
/// from one due event to the next (a timer of the firmware, or a scheduled input), so seconds
/// of lock activity run in microseconds and every run is the same. The setup's timing profile
/// decides when the firmware's dispatcher gets to run and what its work costs
/// (<see cref="BoardScheduler"/>); faults can be injected into the board (hang, GC pause, slow
/// flash commit, a throwing adapter) and are contained as the board's dispatcher contains them.
/// </summary>
public sealed class SimulatedLock
{
    /// <summary>Who writes through <see cref="Write"/> when no phone holds the link.</summary>
    private static readonly object TestHand = new();

    /// <summary>The board's costs when the setup names none (immutable, so one for every lock).</summary>
    private static readonly BoardBudget DefaultBudget = BoardBudget.For(Chip.Esp32S3, ImageProfile.Stock);

    private readonly LockSetup _setup;
    private readonly PriorityQueue<Action, AgendaKey> _agenda = new();
    private long _order;
    private LockCore? _core;
    private TimedFiles? _timedFiles;
    private FaultyAnalog? _analog;
    private long _hangNextRoundMs;
    private FaultKind _reportedFault;
    private LockFirmware.Motor.LockState? _recordedState;

    /// <summary>The agenda's first entry when <see cref="RunUntil"/> last returned: what the next run starts with (only a <see cref="Prefetch"/> hint reads it).</summary>
    private Action? _upNext;

    /// <summary>Its owner, found once at stage 1 (a delegate's target is a call): the later stages ask it.</summary>
    private IPrefetchable? _upNextOwner;

    public SimulatedLock(LockSetup setup)
    {
        if (setup.InputSlots is < 1)
        {
            throw new ArgumentException($"LockSetup.InputSlots must be at least 1, not {setup.InputSlots}", nameof(setup));
        }

        if (setup.Settings != null && setup.Settings.Kind != setup.Kind)
        {
            throw new ArgumentException($"LockSetup.Kind is {setup.Kind} but its Settings are a {setup.Settings.Kind} unit's: make them with " +
                                        $"LockSettings.For({setup.Kind}) (its supply and audit ring), then change what you need", nameof(setup));
        }

        _setup = setup;
        Clock = new VirtualClock();
        Trace = new TraceRecorder();
        Physics = new DriveTrain(setup.Motor, setup.Battery, setup.StartFraction * setup.Motor.TravelRadians, setup.Integration);
        Scheduler = new BoardScheduler(setup.Timing, setup.Seed, setup.Budget ?? DefaultBudget);
        Radio = new VirtualBleLink(Clock, Trace, Scheduler.Budget.BleStackRestartMs);
        Power = new BoardPower(setup.Power, Physics, Clock, Radio);
        Action refresh = Power.Refresh;
        Power.ScheduleRefresh = time => At(time, refresh);
        Board = new VirtualBoard(Physics, Clock, Trace, Power);
        Guard = new VirtualGuard(Clock, Scheduler, Board, Trace);
        if (setup.Kind != UnitKind.Door)
        {
            Strike = new VirtualStrike(Clock, Trace, Scheduler.Budget);
            Guard.Strike = Strike;
            // A strike on a backed-up 12 V keeps its coil's supply whatever the mains sense says.
            Mains = new VirtualMainsSupply(Trace, setup.Settings?.StrikeSupplyBackedUp == true ? null : Strike);
        }

        Scheduler.Elapse = ms =>
        {
            AdvanceTo(Now + ms);
            // Back from a long native call, the CLR runs the timers that fell due meanwhile.
            if (_core != null)
            {
                Guard.FireIfDue();
            }
        };
        if (Scheduler.IsDevice)
        {
            // On the board's timing, messages travel at the connection events of the phone's link.
            Radio.PaceBy(Scheduler.Budget.Link, At, Scheduler.HandlerStart, Scheduler.HandlerDone);
            Radio.WriteTaken += Scheduler.HandlerRan;
        }

        Files = setup.Files ?? new VirtualFileSystem(Scheduler.Budget);
        if (setup.Files == null && (setup.Provisioned || setup.Paired))
        {
            // Only a new unit is set up: a lock booting on files it already has keeps what they say.
            NewUnitFiles.Write(Files, setup, setup.Provisioned ? setup.UnitFactoryKey : null);
        }

        Boot();
    }

    public VirtualClock Clock { get; }

    public TraceRecorder Trace { get; }

    public DriveTrain Physics { get; }

    public VirtualBoard Board { get; }

    /// <summary>The board's own consumption by state (sleep, advertising, connected, working, ...).</summary>
    public BoardPower Power { get; }

    /// <summary>When the firmware runs and what its work costs (the setup's timing profile).</summary>
    public BoardScheduler Scheduler { get; }

    /// <summary>Input queue slots on ideal timing (see where the core is made).</summary>
    private const int IdealInputSlots = 16;

    /// <summary>A port or laundry unit's relay and strike; null on a door unit.</summary>
    public VirtualStrike? Strike { get; }

    /// <summary>A port or laundry unit's building supply and its sense input; null on a door unit.</summary>
    public VirtualMainsSupply? Mains { get; }

    /// <summary>The building's supply goes (false) or comes back at <paramref name="timeMs"/> (a port or laundry unit).</summary>
    public void SetMains(long timeMs, bool present) => At(timeMs, () => Mains?.Set(Now, present));

    /// <summary>The independent output guard of the board.</summary>
    public VirtualGuard Guard { get; }

    /// <summary>Restarts after a contained fault or a guard restart (not power cuts).</summary>
    public int FaultRestarts { get; private set; }

    /// <summary>The lock's file system: it keeps what was committed across power cuts, like LittleFS on the chip.</summary>
    public VirtualFileSystem Files { get; }

    /// <summary>The lock's BLE link: one connection, advertising, MTU, notifications.</summary>
    public VirtualBleLink Radio { get; }

    public long Now => Clock.NowMilliseconds;

    /// <summary>Wall time in the simulated world (the backend's and the phones' clock).</summary>
    public DateTimeOffset WallTime => _setup.Epoch.AddMilliseconds(Now);

    public LockSetup Setup => _setup;

    /// <summary>The running firmware; throws while the power is cut.</summary>
    public LockCore Core => _core ?? throw new InvalidOperationException("the lock has no power");

    public bool Powered => _core != null;

    /// <summary>Thumb-turn position as a fraction of its travel: 0 locked, 1 unlocked.</summary>
    public double BoltFraction => Physics.Position / _setup.Motor.TravelRadians;

    /// <summary>Runs <paramref name="action"/> at virtual time <paramref name="timeMs"/> (not before now).</summary>
    public void At(long timeMs, Action action)
    {
        _agenda.Enqueue(action, new AgendaKey(Math.Max(timeMs, Now), _order++));
    }

    /// <summary>Makes room on the agenda for <paramref name="entries"/> at once (a plan made ahead), instead of growing it step by step.</summary>
    public void ReserveAgenda(int entries) => _agenda.EnsureCapacity(entries);

    /// <summary>
    /// When an agenda entry is due, then the order it was put on the agenda: compared field by
    /// field directly (a value tuple's comparison goes through a comparer per field).
    /// </summary>
    private readonly record struct AgendaKey(long Time, long Order) : IComparable<AgendaKey>
    {
        public int CompareTo(AgendaKey other) => Time != other.Time ? Time.CompareTo(other.Time) : Order.CompareTo(other.Order);
    }

    /// <summary>A press of the push button at <paramref name="timeMs"/>, held for <paramref name="holdMs"/>, with contact bounce.</summary>
    public void PressButton(long timeMs, int holdMs = 300, int bounces = 2)
    {
        for (int i = 0; i < bounces; i++)
        {
            At(timeMs + i * 2, () => PostButton(true));
            At(timeMs + i * 2 + 1, () => PostButton(false));
        }

        At(timeMs + bounces * 2, () => PostButton(true));
        At(timeMs + bounces * 2 + holdMs, () => PostButton(false));
    }

    /// <summary>The door opens (true) or closes at <paramref name="timeMs"/>, as the optional door sensor sees it.</summary>
    public void Door(long timeMs, bool open) => At(timeMs, () =>
    {
        Trace.Record(Now, Signals.Door, open ? "open" : "closed");
        _core?.Inputs.Post(open ? InputKind.DoorOpened : InputKind.DoorClosed);
    });

    /// <summary>A phone writes one fragment to the command characteristic at <paramref name="timeMs"/>.</summary>
    public void Write(long timeMs, byte[] fragment)
    {
        byte[] copy = (byte[])fragment.Clone();
        At(timeMs, () => WriteNow(copy));
    }

    /// <summary>
    /// A write arriving now from the phone holding the connection; with none, a test's own hand
    /// connects first. Refused like ATT would (see <see cref="VirtualBleLink.Write"/>).
    /// </summary>
    public bool WriteNow(byte[] fragment)
    {
        if (_core == null)
        {
            return false;
        }

        object holder = Radio.Holder ?? TestHand;
        return Radio.Connect(holder) && Radio.Write(holder, fragment);
    }

    /// <summary>
    /// The phone holding the lock's one BLE connection (null: none); notifications reach only
    /// it. Setting connects (only while the lock advertises) or hangs up.
    /// </summary>
    public object? Connected
    {
        get => Radio.Holder;
        set
        {
            if (value == null)
            {
                if (Radio.Holder is { } holder)
                {
                    Radio.HangUp(holder);
                }
            }
            else
            {
                Radio.Connect(value);
            }
        }
    }

    /// <summary>Raised when the lock loses power: connected phones lose their link (and session).</summary>
    public event Action? LinkLost;

    /// <summary>Disconnects the battery: the firmware stops where it is, the motor coasts.</summary>
    public void CutPower(long timeMs) => At(timeMs, () =>
    {
        _core = null;
        Radio.PowerLost();
        LinkLost?.Invoke();
        Physics.Powered = false;
        Strike?.PowerLost();
        Trace.Record(Now, Signals.Power, "0");
    });

    /// <summary>Reconnects the battery: the firmware boots afresh.</summary>
    public void RestorePower(long timeMs) => At(timeMs, () =>
    {
        Physics.Powered = true;
        Boot();
    });

    /// <summary>Stages of <see cref="Prefetch"/>, each reading pointers the stage before brought into cache: the lock's own two, then its next action's owner's.</summary>
    public const int PrefetchStages = 2 + NextActionStages;

    /// <summary>The most stages an agenda action's owner (<see cref="IPrefetchable"/>) is given; more are not asked for.</summary>
    private const int NextActionStages = 3;

    /// <summary>
    /// Hints the CPU to fetch what the next <see cref="RunUntil"/> reads first (see
    /// <see cref="Timing.Prefetch"/>), in stages called in order some work apart: 0 the parts this
    /// object points to, 1 what they point to, then those of the action the run starts with
    /// when its owner is <see cref="IPrefetchable"/>. Writes only the hint's own field: nothing the
    /// simulation reads.
    /// </summary>
    public void Prefetch(int stage)
    {
        if (stage >= 2)
        {
            if (_upNextOwner is { } owner && stage - 2 < owner.PrefetchStages)
            {
                owner.Prefetch(stage - 2);
            }

            return;
        }

        if (stage == 0)
        {
            Timing.Prefetch.Lines(_agenda, 1);
            Timing.Prefetch.Lines(_core, 4);
            Timing.Prefetch.Lines(Clock, 1);
            Timing.Prefetch.Lines(Physics, 3);
            Timing.Prefetch.Lines(Scheduler, 1);
            Timing.Prefetch.Lines(Guard, 1);
            Timing.Prefetch.Lines(Radio, 2);
            Timing.Prefetch.Lines(Power, 2);
            Timing.Prefetch.Lines(_upNext, 2);
            return;
        }

        if (_core != null)
        {
            Timing.Prefetch.Lines(_core.Inputs, 2);
            Timing.Prefetch.Lines(_core.Protocol, 2);
        }

        Timing.Prefetch.Lines(Physics.Battery, 2);
        object? target = _upNext?.Target;
        _upNextOwner = target as IPrefetchable;
        Timing.Prefetch.Lines(target, 1);
    }

    public void RunFor(long milliseconds) => RunUntil(Now + milliseconds);

    /// <summary>Advances virtual time to <paramref name="endMs"/>, handling everything due on the way.</summary>
    public void RunUntil(long endMs)
    {
        while (true)
        {
            long asked = Now;
            long round = NextRound(out bool clockFree);
            AdvanceTo(Math.Min(endMs, NextEventTime(round)));
            bool happened = false;
            while (_agenda.TryPeek(out _, out var key) && key.Time <= Now)
            {
                _agenda.Dequeue()();
                happened = true;
            }

            if (_core != null)
            {
                happened |= Guard.FireIfDue();
            }

            if (_core != null && Guard.RestartAt <= Now)
            {
                Restart("the guard restarts the unit: the dispatcher never checked in again");
                happened = true;
            }

            // With nothing run since, the round asked for above still stands if the clock has not
            // moved or the answer does not depend on it: asking again would give the same time
            // and leave the scheduler as it is (most rounds of a move come this way).
            bool stands = !happened && (clockFree || Now == asked);
            if (_core != null && (stands ? round : NextRound(out _)) <= Now)
            {
                Round();
            }

            RecordState();
            if (Now >= endMs && NextEventTime(NextRound(out _)) > endMs)
            {
                _agenda.TryPeek(out _upNext, out _);
                return;
            }
        }
    }

    /// <summary>The managed code hangs for <paramref name="ms"/> in the dispatcher's first round at or after <paramref name="timeMs"/> (other managed threads, the guard's, still run).</summary>
    public void InjectHang(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"managed code hangs for {ms} ms");
        _hangNextRoundMs = ms;
    });

    /// <summary>A garbage-collector pause of <paramref name="ms"/> at <paramref name="timeMs"/>: every managed thread stops.</summary>
    public void InjectGcPause(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"GC pause of {ms} ms");
        Scheduler.Pause(Now, ms, native: true);
    });

    /// <summary>The first flash write at or after <paramref name="timeMs"/> takes <paramref name="ms"/>, every managed thread blocked meanwhile.</summary>
    public void InjectSlowFlashCommit(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"the next flash commit takes {ms} ms");
        if (_timedFiles != null)
        {
            _timedFiles.SlowNextWriteMs = ms;
        }
    });

    /// <summary>An adapter's event handler throws at <paramref name="timeMs"/> (contained there and reported to the dispatcher).</summary>
    public void InjectCallbackThrow(long timeMs) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, "an adapter callback threw");
        _reportedFault = FaultKind.Callback;
    });

    /// <summary>The ADC adapter throws on its next read, at or after <paramref name="timeMs"/>, inside a dispatcher round.</summary>
    public void InjectAdapterThrow(long timeMs) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, "the ADC adapter will throw on its next read");
        if (_analog != null)
        {
            _analog.ThrowNext = true;
        }
    });

    /// <summary>The next thing due: the dispatcher's round (<paramref name="round"/>, <see cref="NextRound"/>), the guard, or the agenda.</summary>
    private long NextEventTime(long round)
    {
        long next = round;
        if (_core != null)
        {
            next = Math.Min(next, Math.Min(Guard.FireTime, Guard.RestartAt));
        }

        if (_agenda.TryPeek(out _, out var key) && key.Time < next)
        {
            next = key.Time;
        }

        return next;
    }

    /// <summary>
    /// When the dispatcher runs next. <paramref name="clockFree"/>: neither the answer nor what the
    /// scheduler keeps of it depends on the clock until something runs (no input waiting, and
    /// the core's deadline is a timer's, not "now" for a move command's answer).
    /// </summary>
    private long NextRound(out bool clockFree)
    {
        if (_core == null)
        {
            clockFree = true;
            return Timers.Never;
        }

        bool waiting = _core.Inputs.HasInput || _reportedFault != FaultKind.None;
        long due = _core.NextDueAt;
        clockFree = !waiting && due != Now;
        return Scheduler.NextRound(Now, waiting, due);
    }

    private void AdvanceTo(long timeMs)
    {
        if (timeMs > Now)
        {
            Physics.AdvanceTo(timeMs / 1000.0);
            Clock.NowMilliseconds = timeMs;
        }
    }

    /// <summary>
    /// One round of the dispatcher (firmware/LockFirmware/Esp32/Dispatcher.cs): an exception
    /// an adapter reported, or one thrown in the round, is contained as on the board: outputs
    /// safe, fault recorded, restart. Only injected faults are contained here; any other
    /// exception is a defect and surfaces in the test that hit it.
    /// </summary>
    private void Round()
    {
        if (_hangNextRoundMs > 0)
        {
            Scheduler.Pause(Now, _hangNextRoundMs, native: false);
            _hangNextRoundMs = 0;
            return;
        }

        LockCore core = _core!;
        FaultKind fault = _reportedFault;
        _reportedFault = FaultKind.None;
        if (fault == FaultKind.None)
        {
            Scheduler.RoundStarts();
            try
            {
                core.Process();
            }
            catch (InjectedFaultException)
            {
                fault = FaultKind.Round;
            }
        }

        if (fault != FaultKind.None)
        {
            core.ContainFault(fault);
            Restart($"fault contained ({fault}): outputs off, fault {core.FaultCount} recorded, restart");
            return;
        }

        Scheduler.RoundDone();
        int gc = Scheduler.NextGcPause();
        if (gc > 0)
        {
            Scheduler.Pause(Now, gc, native: true);
        }
    }

    /// <summary>A clean restart of the firmware on the same board and flash (Power.RebootDevice on the device).</summary>
    private void Restart(string why)
    {
        Trace.Log(Now, Signals.Fault, why);
        FaultRestarts++;
        _core = null;
        Connected = null;
        LinkLost?.Invoke();
        Board.Drive(MotorDrive.Coast);
        Board.Apply(false);
        Strike?.Release(false);
        Scheduler.Reset(Now);
        Guard.Reset();
        Boot();
    }

    private void PostButton(bool closed)
    {
        Trace.Record(Now, Signals.Button, closed ? "1" : "0");
        _core?.Inputs.Post(closed ? InputKind.ButtonDown : InputKind.ButtonUp);
    }

    private void Boot()
    {
        if (Radio.Holder != null)
        {
            // A reboot with power on (a second restore) resets the radio as well.
            Radio.PowerLost();
            LinkLost?.Invoke();
        }

        Files.Mount();
        _timedFiles = new TimedFiles(Files, Scheduler, () => Now);
        _analog = new FaultyAnalog(Board);
        var ports = new LockPorts
        {
            Motor = Strike == null ? new TimedMotor(Board, Scheduler) : null,
            Strike = Strike == null ? null : new TimedStrike(Strike, Scheduler),
            MotorSpeed = Board,
            Analog = _analog,
            Leds = Board,
            BatteryLoad = Board,
            Clock = Clock,
            Ble = new TimedBle(Radio, Scheduler),
            Macs = new TimedMacFactory(new HostMacFactory(), Scheduler),
            Files = _timedFiles,
            Aes = new HostAesCbc(),
            Guard = Guard,
        };
        LockSettings settings = _setup.Settings ?? LockSettings.For(_setup.Kind);
        settings.Serial = _setup.Serial;
        // As the board definition does on the device: the firmware's idle figure is its image's.
        settings.Battery.IdleMicroamps = IdleCurrentOf(_setup.Power);
        // On the board's timing the board's queue. The ideal link hands a message's fragments over at
        // once, without the ATT write response that paces a phone between them on the board, so it
        // needs room for the longest message's 14 writes at the default MTU and the connection's input,
        // unless the setup says its phones send less (LockSetup.InputSlots).
        _core = new LockCore(ports, settings, new InputQueue(Scheduler.IsDevice ? InputQueue.BoardCapacity : _setup.InputSlots ?? IdealInputSlots));
        Radio.Inputs = _core.Inputs;
        Mains?.Attach(_core.Inputs, Now);
        _core.Start();
        Trace.Record(Now, Signals.Power, "1");
        RecordState();
    }

    /// <summary>
    /// What the installer's pairing leaves in a unit's files (unless already paired): the lock
    /// id, the secret, and the pairing's time as the clock's high-water mark, beside a saved state;
    /// with the unit's <paramref name="factoryKey"/>, the secret's fingerprint too, as a PAIR
    /// leaves it (so the unit refuses that secret again after an Unpair: SecretReused).
    /// </summary>
    public static void Provision(IFileSystem files, uint lockId, byte[] secret, DateTimeOffset pairedAt, byte[]? factoryKey = null)
    {
        var memory = new LockMemory(files);
        memory.Mount();
        if (memory.Pairing.Paired)
        {
            return;
        }

        // The pairing carries its own time (PairingState.PairedAt), so a cut between the two
        // commits leaves either a stock unit or a paired one with its pairing's time.
        memory.Pairing.Paired = true;
        memory.Pairing.LockId = lockId;
        secret.CopyTo(memory.Pairing.Secret, 0);
        memory.Pairing.PairedAt = (uint)pairedAt.ToUnixTimeSeconds();
        if (factoryKey != null)
        {
            byte[] print = new byte[32];
            new LockFirmware.Security.MacInput().Start(LockFirmware.Security.Labels.SecretPrint).Add(secret, 0, secret.Length)
                .ComputeWith(new HostMacFactory().Create(factoryKey, 0, factoryKey.Length), print, 0);
            memory.Pairing.NotePrint(print, 0);
        }

        memory.State.ClockLowerBound = memory.Pairing.PairedAt;
        memory.State.ClockPairedAt = memory.Pairing.PairedAt;
        memory.Save();
        memory.SavePairing();
    }

    /// <summary>The firmware's own idle figure for this chip and image (LockFirmware.Battery.IdleCurrent, from the board definitions).</summary>
    public static int IdleCurrentOf(Budget.BoardBudget power) => (power.Chip, power.Profile) switch
    {
        (Budget.Chip.Esp32C3, Budget.ImageProfile.LowPower) => LockFirmware.Battery.IdleCurrent.LowPowerC3Microamps,
        (Budget.Chip.Esp32S3, Budget.ImageProfile.LowPower) => LockFirmware.Battery.IdleCurrent.LowPowerS3Microamps,
        (Budget.Chip.Esp32C3, _) => LockFirmware.Battery.IdleCurrent.StockC3Microamps,
        _ => LockFirmware.Battery.IdleCurrent.StockS3Microamps,
    };

    /// <summary>What the production line's PROVISION leaves in a unit's files (unless the unit already has an identity).</summary>
    public static void ProvisionIdentity(IFileSystem files, string serial, byte[] factoryKey, int adcCalibration)
    {
        var memory = new LockMemory(files);
        var identity = new LockFirmware.Security.UnitIdentity();
        if (memory.LoadIdentity(identity))
        {
            return;
        }

        for (int i = 0; i < identity.Serial.Length; i++)
        {
            identity.Serial[i] = i < serial.Length ? (byte)serial[i] : (byte)' ';
        }

        factoryKey.CopyTo(identity.FactoryKey, 0);
        identity.AdcCalibration = adcCalibration;
        identity.Provisioned = true;
        memory.SaveIdentity(identity);
    }

    /// <summary>Records the core's state when it differs from the last one recorded (asked after every step: a name only on change).</summary>
    private void RecordState()
    {
        if (_core != null && _core.State != _recordedState)
        {
            _recordedState = _core.State;
            // The enum's own name, without boxing the state as ToString does.
            Trace.Record(Now, Signals.State, Enum.GetName(_core.State) ?? _core.State.ToString());
        }
    }
}
