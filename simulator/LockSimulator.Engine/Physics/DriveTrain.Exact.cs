using System;
using LockFirmware.Ports;

namespace LockSimulator.Physics;

/// <summary>
/// The exact integration. With the bridge, the battery's state and the load fixed, the motor
/// obeys J·dω/dt = k·(E − k·ω)/R − σ·F: linear in the speed ω, so ω relaxes exponentially
/// towards its end speed and the angle is its closed-form integral. A segment ends where that
/// stops being true: the thumb-turn reaches an end stop, the jam or an edge of the bolt throw
/// (found on the closed form), the shaft comes to rest, or the battery (passivation breaking
/// down, polarisation building) has drifted by <see cref="BatteryDrift"/>.
/// </summary>
public sealed partial class DriveTrain
{
    /// <summary>
    /// Most the pack's source voltage or the loop's resistance may drift within one segment, as a
    /// fraction: the fixed step's own lag (one 0.5 ms step of a passivation film breaking down) is larger.
    /// </summary>
    private const double BatteryDrift = 0.002;

    /// <summary>Segments the battery's drift asks for are never shorter than this (seconds): a tenth of the fixed step.</summary>
    private const double ShortestSegment = 0.00005;

    // The loop of the segment under way: drive EMF (signed), resistance, whether the winding's back-EMF acts.
    private double _loopEmf;
    private double _loopOhms;
    private bool _motorTorque;

    private void AdvanceExact(double seconds)
    {
        while (_time < seconds)
        {
            if (!IsMoving && !IsDriving)
            {
                _current = 0;
                AdvanceBatteryOnly(seconds);
                return;
            }

            double length = Segment(seconds - _time);
            _time = length >= seconds - _time ? seconds : _time + length;
        }

        _current = LoopCurrent(_omega);
    }

    /// <summary>Runs one segment of at most <paramref name="longest"/> seconds; returns its length (0 when it only stopped the shaft).</summary>
    private double Segment(double longest)
    {
        SetLoop();
        double ke = _motor.BackEmfConstant;
        double startTorque = _motorTorque ? ke * _loopEmf / _loopOhms : 0;   // motor torque with the shaft still
        double damping = _motorTorque ? ke * ke / _loopOhms : 0;              // its fall per rad/s of speed
        longest = IsDriving ? Math.Min(longest, LongestForBattery(longest)) : longest;

        double direction;
        if (IsMoving)
        {
            direction = ShaftMotion.SignOf(_omega);
        }
        else
        {
            _omega = 0;
            direction = ShaftMotion.SignOf(startTorque);
            if (Math.Abs(startTorque) <= Friction(direction) || direction == 0 || AtLimit(direction))
            {
                // Held: by friction, or pressed against a stop. The stall current flows.
                DrawSegment(longest, 0);
                return longest;
            }
        }

        double net = startTorque - direction * Friction(direction);
        double inertia = _motor.RotorInertia;
        ShaftMotion motion = new(_omega, net / inertia, damping / inertia);
        double toRest = motion.TimeToRest(direction);
        double length = Math.Min(longest, toRest);
        bool rests = length == toRest;

        double mark = NextMark(direction);
        double gear = _motor.GearRatio;
        double decay = motion.Decay(length);
        double angle = motion.Angle(length, decay);
        double reached = Position + angle / gear;
        bool reachesMark = direction * (reached - mark) >= 0;
        if (reachesMark)
        {
            length = motion.TimeToAngle((mark - Position) * gear, length, decay);
            decay = motion.Decay(length);
            rests = false;
        }

        double turned = reachesMark ? (mark - Position) * gear : angle;
        DrawSegment(length, turned);
        _omega = rests ? 0 : motion.Speed(length, decay);
        Position = reachesMark ? mark : reached;
        if (reachesMark && IsLimit(mark, direction))
        {
            _omega = 0;
        }

        return length;
    }

    /// <summary>The loop the bridge makes now (the same cases as the fixed step's <c>Step</c>).</summary>
    private void SetLoop()
    {
        if (IsDriving && !OpenCircuit)
        {
            double sign = Drive == MotorDrive.Unlock ? 1 : -1;
            double other = BoardAmps + (TestLoadOn ? LoadAmps() : 0);
            double packOhms = Battery.InternalOhms;
            _loopOhms = (ShortCircuit ? 0 : _motor.WindingOhms) + _motor.BridgeOhms + packOhms;
            _loopEmf = sign * (Battery.SourceVolts - other * packOhms) * Duty;
            _motorTorque = !ShortCircuit;
        }
        else if (Powered && Drive == MotorDrive.Brake && !OpenCircuit)
        {
            _loopOhms = _motor.WindingOhms + _motor.BridgeOhms;
            _loopEmf = 0;
            _motorTorque = !ShortCircuit;
        }
        else
        {
            _loopOhms = double.PositiveInfinity;
            _loopEmf = 0;
            _motorTorque = false;
        }
    }

    /// <summary>Motor current at shaft speed <paramref name="omega"/> in the loop of the last segment.</summary>
    private double LoopCurrent(double omega)
    {
        if (double.IsPositiveInfinity(_loopOhms))
        {
            return 0;
        }

        bool backEmf = !(ShortCircuit && IsDriving);
        return (_loopEmf - (backEmf ? _motor.BackEmfConstant * omega : 0)) / _loopOhms;
    }

    /// <summary>The pack carries the segment's mean motor current: the charge is the closed form's (E·t − k·Δθ)/R.</summary>
    private void DrawSegment(double seconds, double turnedRadians)
    {
        if (seconds <= 0)
        {
            return;
        }

        double charge = double.IsPositiveInfinity(_loopOhms) ? 0
            : (_loopEmf * seconds - (_motorTorque ? _motor.BackEmfConstant * turnedRadians : 0)) / _loopOhms;
        _current = charge / seconds;
        Draw(seconds);
    }

    /// <summary>
    /// How long a segment may last for the battery (at least <see cref="ShortestSegment"/>), or
    /// infinity when it surely stays steady for all of <paramref name="longest"/>: either way the
    /// segment's length comes out as <see cref="BatterySteadySeconds"/> makes it.
    /// </summary>
    private double LongestForBattery(double longest)
    {
        double stallAmps = double.IsPositiveInfinity(_loopOhms) ? 0 : Math.Abs(_loopEmf) / _loopOhms;
        double amps = BoardAmps + stallAmps * Duty + (TestLoadOn ? LoadAmps() : 0);
        return BatteryHolds(longest, amps) ? double.PositiveInfinity : Math.Max(BatterySteadySeconds(amps), ShortestSegment);
    }

    /// <summary>
    /// Whether <see cref="BatterySteadySeconds"/> is surely at least <paramref name="seconds"/>,
    /// told without its divisions (a segment seldom ends for the battery: 0.02 % of a fleet day's):
    /// the pack's drift bounds are at least its drifts, and the volts it divides are at least |E|
    /// while the duty is at most 1, so, rounding being monotonic, its quotients are at least
    /// these. The factor 2 covers the rounding of the product, and of a product below the normal
    /// range. False when unsure (NaN included): then the exact bound is worked out.
    /// </summary>
    private bool BatteryHolds(double seconds, double amps)
    {
        if (!(Duty <= 1))
        {
            return false;
        }

        bool forVolts = Covers(BatteryDrift * Math.Abs(_loopEmf), seconds * Battery.VoltsDriftBound(amps));
        return forVolts && (double.IsPositiveInfinity(_loopOhms) || Covers(BatteryDrift * _loopOhms, seconds * Battery.OhmsDriftBound(amps)));
    }

    /// <summary>Whether <paramref name="numerator"/> surely exceeds the exact product that <paramref name="product"/> is the rounding of.</summary>
    private static bool Covers(double numerator, double product) => numerator >= 1e-300 && numerator >= 2 * product;

    /// <summary>How long the pack's voltage and the loop's resistance stay within <see cref="BatteryDrift"/> at the stall current (<paramref name="amps"/>, with the board's and the test load's).</summary>
    private double BatterySteadySeconds(double amps)
    {
        double voltsPerSecond = Battery.VoltsDriftPerSecond(amps);
        double ohmsPerSecond = Battery.OhmsDriftPerSecond(amps);
        double volts = Math.Abs(_loopEmf) / Math.Max(Duty, 1e-9);
        double forVolts = voltsPerSecond > 0 ? BatteryDrift * volts / voltsPerSecond : double.PositiveInfinity;
        double forOhms = ohmsPerSecond > 0 && !double.IsPositiveInfinity(_loopOhms) ? BatteryDrift * _loopOhms / ohmsPerSecond : double.PositiveInfinity;
        return Math.Min(forVolts, forOhms);
    }

    /// <summary>Friction at the motor shaft against moving in <paramref name="direction"/> from here: the load just ahead.</summary>
    private double Friction(double direction)
    {
        return _boltThrow.Ahead(Position, direction) ? _boltFriction : _freeFriction;
    }

    /// <summary>Friction at the motor shaft with the bolt being thrown or not, at the door's <see cref="FrictionFactor"/>.</summary>
    private double ShaftFriction(bool bolt)
    {
        double load = (_motor.CylinderTorqueNm + (bolt ? _motor.BoltThrowTorqueNm : 0)) * FrictionFactor;
        return load / (_motor.GearRatio * _motor.GearEfficiency) + _motor.MotorFrictionNm;
    }

    /// <summary>The stop that blocks a move in <paramref name="direction"/>: an end stop, or the jam from either side.</summary>
    private double Limit(double direction)
    {
        if (direction > 0)
        {
            return JamAt is double jam && Position <= jam ? Math.Min(jam, _motor.TravelRadians) : _motor.TravelRadians;
        }

        return JamAt is double low && Position >= low ? Math.Max(low, 0) : 0;
    }

    private bool AtLimit(double direction) => direction > 0 ? Position >= Limit(direction) : Position <= Limit(direction);

    private bool IsLimit(double mark, double direction) => mark == Limit(direction);

    /// <summary>The nearest angle ahead where the segment must end: the limit or an edge of the bolt throw.</summary>
    private double NextMark(double direction)
    {
        double limit = Limit(direction);
        double from = _boltThrow.From;
        double to = _boltThrow.To;
        if (direction > 0)
        {
            double mark = limit;
            mark = from > Position && from < mark ? from : mark;
            return to > Position && to < mark ? to : mark;
        }

        double back = limit;
        back = to < Position && to > back ? to : back;
        return from < Position && from > back ? from : back;
    }
}
