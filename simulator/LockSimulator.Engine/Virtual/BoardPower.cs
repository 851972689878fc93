using System;
using LockSimulator.Budget;
using LockSimulator.Physics;

namespace LockSimulator.Virtual;

/// <summary>Where the board's charge went; the motor and the self-test load come from the physics.</summary>
public enum PowerState
{
    /// <summary>The chip's floor between radio events (light sleep on our image, awake idle on the stock one).</summary>
    Floor,

    /// <summary>Advertising events while no phone is connected.</summary>
    Advertising,

    /// <summary>Connection events while a phone holds the link.</summary>
    Connected,

    /// <summary>The CPU working: BLE writes, motor moves.</summary>
    Working,

    /// <summary>Indicator LEDs.</summary>
    Leds,

    /// <summary>Regulator, bridge, divider and amplifier at rest.</summary>
    Board,

    /// <summary>Bridge, amplifier and divider powered while the motor is driven (and, on the production board, while a phone is connected).</summary>
    FrontEnd,
}

/// <summary>
/// The board's own consumption in virtual time: from what the board is doing (advertising,
/// connected, working, driving the motor, LEDs) it sets the current the drive train draws
/// from the pack, with the figures of <see cref="BoardBudget"/>, and books each state's charge.
/// A phone is connected while it holds the virtual link (until it hangs up, the lock drops it
/// or the power goes). The CPU's work ends some time after the last write; through
/// <see cref="ScheduleRefresh"/> the owner calls <see cref="Refresh"/> then, so the current drops when it does.
/// </summary>
public sealed class BoardPower
{
    private static readonly int StateCount = Enum.GetValues<PowerState>().Length;

    private readonly DriveTrain _physics;
    private readonly VirtualClock _clock;
    private readonly VirtualBleLink _link;
    private readonly double[] _microamps = new double[StateCount];
    private readonly double[] _coulombs = new double[StateCount];
    private long _accruedTo;
    private long _workingUntil = long.MinValue;
    private long _linkTailUntil = long.MinValue;
    private bool _held;
    private bool _motorDriven;
    private int _ledsOn;

    // Each state's pack current from the budget (which never changes), worked out once: a
    // refresh only picks them by what the board does.
    private readonly double _floorMicroamps;
    private readonly double _advertisingMicroamps;
    private readonly double _connectedMicroamps;
    private readonly double _workingMicroamps;
    private readonly double _boardMicroamps;
    private readonly double _frontEndMicroamps;
    /// <summary>The lit LEDs' pack current, worked out when their number changes rather than at every refresh.</summary>
    private double _ledsMicroamps;

    public BoardPower(BoardBudget budget, DriveTrain physics, VirtualClock clock, VirtualBleLink link)
    {
        Budget = budget;
        _physics = physics;
        _clock = clock;
        _link = link;
        _accruedTo = clock.NowMilliseconds;
        BoardBudget b = budget;
        _floorMicroamps = b.PackMicroamps(b.IdleFloorMicroamps);
        _advertisingMicroamps = b.PackMicroamps(b.AdvertisingMicroamps);
        _connectedMicroamps = b.PackMicroamps(b.ConnectedMicroamps);
        _workingMicroamps = b.PackMicroamps(b.WorkingMicroamps - b.IdleFloorMicroamps);
        _boardMicroamps = b.BoardStaticMicroamps;
        _ledsMicroamps = b.PackMicroamps(_ledsOn * b.LedMicroamps);
        _frontEndMicroamps = b.BridgeAwakeMicroamps - b.BridgeIdleMicroamps + b.PackMicroamps(b.AmplifierMicroamps - b.AmplifierIdleMicroamps)
            + b.DividerMicroamps - b.DividerIdleMicroamps;
        link.HolderChanged += OnLinkChanged;
        link.WriteTaken += OnWrite;
        Refresh();
    }

    public BoardBudget Budget { get; }

    /// <summary>Asks the owner to call <see cref="Refresh"/> at a virtual time (a link or work ending).</summary>
    public Action<long>? ScheduleRefresh { get; set; }

    /// <summary>True while a phone holds the link, and for the air time the virtual link skips after it (<see cref="BoardBudget.ConnectionOverheadMs"/>).</summary>
    public bool Connected => _link.Holder != null || _clock.NowMilliseconds < _linkTailUntil;

    /// <summary>Charge the board drew in <paramref name="state"/> so far, coulombs (pack side).</summary>
    public double Coulombs(PowerState state)
    {
        Accrue();
        return _coulombs[(int)state];
    }

    /// <summary>The board's pack current now, microamps (without the motor and the test load).</summary>
    public double PackMicroamps
    {
        get
        {
            double sum = 0;
            foreach (double microamps in _microamps)
            {
                sum += microamps;
            }

            return sum;
        }
    }

    /// <summary>A phone connected or the connection ended; an ended one is charged on for the exchanges' air time.</summary>
    private void OnLinkChanged()
    {
        bool held = _link.Holder != null;
        if (_held && !held)
        {
            _linkTailUntil = _clock.NowMilliseconds + Budget.ConnectionOverheadMs;
            ScheduleRefresh?.Invoke(_linkTailUntil);
        }

        _held = held;
        Refresh();
    }

    /// <summary>A phone wrote to the lock: the CPU works on the write.</summary>
    private void OnWrite()
    {
        long now = _clock.NowMilliseconds;
        _workingUntil = Math.Max(_workingUntil, now) + Budget.WorkPerWriteMs;
        Refresh();
        ScheduleRefresh?.Invoke(_workingUntil);
    }

    /// <summary>The firmware drives (or brakes) the motor, or lets it coast.</summary>
    public void OnMotor(bool driven)
    {
        _motorDriven = driven;
        Refresh();
    }

    /// <summary>How many indicator LEDs are lit now.</summary>
    public void OnLeds(int lit)
    {
        _ledsOn = lit;
        _ledsMicroamps = Budget.PackMicroamps(_ledsOn * Budget.LedMicroamps);
        Refresh();
    }

    /// <summary>Books the charge up to now and sets the current for what the board does from now on.</summary>
    public void Refresh()
    {
        Accrue();
        long now = _clock.NowMilliseconds;
        bool connected = Connected;
        bool working = now < _workingUntil || _motorDriven;
        BoardBudget b = Budget;
        _microamps[(int)PowerState.Floor] = _floorMicroamps;
        _microamps[(int)PowerState.Advertising] = connected ? 0 : _advertisingMicroamps;
        _microamps[(int)PowerState.Connected] = connected ? _connectedMicroamps : 0;
        _microamps[(int)PowerState.Working] = working ? _workingMicroamps : 0;
        _microamps[(int)PowerState.Leds] = _ledsMicroamps;
        _microamps[(int)PowerState.Board] = _boardMicroamps;
        _microamps[(int)PowerState.FrontEnd] = _motorDriven || (connected && b.FrontEndOnWhileConnected) ? _frontEndMicroamps : 0;
        _physics.BoardAmps = PackMicroamps / 1e6;
    }

    private void Accrue()
    {
        long now = _clock.NowMilliseconds;
        if (now <= _accruedTo)
        {
            return;
        }

        double seconds = (now - _accruedTo) / 1000.0;
        _accruedTo = now;
        if (!_physics.Powered)
        {
            return;
        }

        // A state drawing nothing would add +0, which leaves its sum as it is (never −0): skipped.
        for (int i = 0; i < StateCount; i++)
        {
            double microamps = _microamps[i];
            if (microamps != 0)
            {
                _coulombs[i] += microamps / 1e6 * seconds;
            }
        }
    }
}
