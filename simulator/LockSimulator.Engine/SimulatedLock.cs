using System;
using System.Collections.Generic;
using LockFirmware;
using LockFirmware.Events;
using LockFirmware.Ports;
using LockFirmware.Storage;
using LockFirmware.Time;
using LockSimulator.Physics;
using LockSimulator.Tracing;
using LockSimulator.Virtual;

namespace LockSimulator;

/// <summary>
/// One lock unit in virtual time: the firmware's LockCore on a virtual board over a physical
/// drive train. Inputs are scheduled at virtual times; <see cref="RunUntil"/> advances time
/// from one due event to the next (a timer of the firmware, or a scheduled input), so seconds
/// of lock activity run in microseconds and every run is the same.
/// </summary>
public sealed class SimulatedLock
{
    private readonly LockSetup _setup;
    private readonly PriorityQueue<Action, (long Time, long Order)> _agenda = new();
    private long _order;
    private LockCore? _core;

    public SimulatedLock(LockSetup setup)
    {
        _setup = setup;
        Clock = new VirtualClock();
        Trace = new TraceRecorder();
        Physics = new DriveTrain(setup.Motor, setup.Battery, setup.StartFraction * setup.Motor.TravelRadians);
        Power = new BoardPower(setup.Power, Physics, Clock);
        Power.ScheduleRefresh = time => At(time, Power.Refresh);
        Board = new VirtualBoard(Physics, Clock, Trace, Power);
        Flash = setup.Flash ?? new VirtualFlash(StorageLayout.RegionSectors);
        if (setup.Paired)
        {
            Provision(Flash, setup.LockId, setup.Secret);
        }

        Boot();
    }

    public VirtualClock Clock { get; }

    public TraceRecorder Trace { get; }

    public DriveTrain Physics { get; }

    public VirtualBoard Board { get; }

    /// <summary>The board's own consumption by state (sleep, advertising, connected, working, ...).</summary>
    public BoardPower Power { get; }

    /// <summary>The lock's flash: it keeps its contents across power cuts, like the chip.</summary>
    public VirtualFlash Flash { get; }

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
        _agenda.Enqueue(action, (Math.Max(timeMs, Now), _order++));
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

    /// <summary>A write arriving now (the phone reacting to a notification within the same instant).</summary>
    public void WriteNow(byte[] fragment)
    {
        if (_core == null)
        {
            return;
        }

        Trace.Log(Now, Signals.BleIn, Convert.ToHexString(fragment));
        Power.OnWrite();
        _core.Inputs.Post(InputKind.BleWrite, fragment, 0, fragment.Length);
    }

    /// <summary>The phone holding the lock's one BLE connection; notifications reach only it.</summary>
    public object? Connected { get; set; }

    /// <summary>Raised when the lock loses power: connected phones lose their link (and session).</summary>
    public event Action? LinkLost;

    /// <summary>Disconnects the battery: the firmware stops where it is, the motor coasts.</summary>
    public void CutPower(long timeMs) => At(timeMs, () =>
    {
        _core = null;
        Connected = null;
        LinkLost?.Invoke();
        Physics.Powered = false;
        Trace.Record(Now, Signals.Power, "0");
    });

    /// <summary>Reconnects the battery: the firmware boots afresh.</summary>
    public void RestorePower(long timeMs) => At(timeMs, () =>
    {
        Physics.Powered = true;
        Boot();
    });

    public void RunFor(long milliseconds) => RunUntil(Now + milliseconds);

    /// <summary>Advances virtual time to <paramref name="endMs"/>, handling everything due on the way.</summary>
    public void RunUntil(long endMs)
    {
        while (true)
        {
            long next = Math.Min(endMs, NextEventTime());
            Physics.AdvanceTo(next / 1000.0);
            Clock.NowMilliseconds = next;
            while (_agenda.TryPeek(out _, out var key) && key.Time <= next)
            {
                _agenda.Dequeue()();
            }

            _core?.Process();
            RecordState();
            if (next >= endMs && NextEventTime() > endMs)
            {
                return;
            }
        }
    }

    private long NextEventTime()
    {
        long next = _core?.NextDueAt ?? Timers.Never;
        if (_agenda.TryPeek(out _, out var key) && key.Time < next)
        {
            next = key.Time;
        }

        return next;
    }

    private void PostButton(bool closed)
    {
        Trace.Record(Now, Signals.Button, closed ? "1" : "0");
        _core?.Inputs.Post(closed ? InputKind.ButtonDown : InputKind.ButtonUp);
    }

    private void Boot()
    {
        var ports = new LockPorts
        {
            Motor = Board,
            MotorSpeed = Board,
            Analog = Board,
            Leds = Board,
            BatteryLoad = Board,
            Clock = Clock,
            Ble = Board,
            Macs = new HostMacFactory(),
            Flash = Flash,
        };
        LockSettings settings = _setup.Settings ?? new LockSettings();
        settings.Serial = _setup.Serial;
        // As the board definition does on the device: the firmware's idle figure is its image's.
        settings.Battery.IdleMicroamps = IdleCurrentOf(_setup.Power);
        _core = new LockCore(ports, settings, new InputQueue(16));
        _core.Start();
        Trace.Record(Now, Signals.Power, "1");
        RecordState();
    }

    /// <summary>What the installer's pairing leaves in a unit's flash: the lock id and the secret (unless already paired).</summary>
    public static void Provision(IFlash flash, uint lockId, byte[] secret)
    {
        var memory = new LockMemory(flash);
        memory.Mount();
        if (memory.Pairing.Paired)
        {
            return;
        }

        memory.Pairing.Paired = true;
        memory.Pairing.LockId = lockId;
        secret.CopyTo(memory.Pairing.Secret, 0);
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

    private void RecordState()
    {
        if (_core != null)
        {
            Trace.Record(Now, Signals.State, _core.State.ToString());
        }
    }
}
