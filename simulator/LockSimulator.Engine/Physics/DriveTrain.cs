using System;
using LockFirmware.Ports;

namespace LockSimulator.Physics;

/// <summary>
/// The thumb-turn unit in physics: battery (open-circuit voltage and internal resistance),
/// H-bridge, DC motor (winding resistance, back-EMF, rotor inertia, friction), gearbox and
/// the cylinder's load along the travel, between two hard end stops. Current and voltage
/// sag come out of these equations; nothing is scripted. Integrated exactly between events
/// (<see cref="DriveTrainIntegration.Exact"/>), or in fixed small steps as the reference.
/// </summary>
public sealed partial class DriveTrain
{
    /// <summary>Reference integration step: far below the ~20 ms mechanical time constant.</summary>
    private const double StepSeconds = 0.0005;

    /// <summary>Rounding the fixed step's clock tolerates (seconds): far below a step.</summary>
    private const double StepRounding = 1e-9;

    private readonly MotorParameters _motor;
    private readonly DriveTrainIntegration _integration;
    private double _omega;      // motor shaft speed, rad/s (positive = towards unlocked)
    private double _time;       // seconds
    private double _current;    // motor current, A (signed)
    private double _frictionFactor;
    private double _freeFriction;   // friction at the motor shaft, bolt not being thrown (ShaftFriction)
    private double _boltFriction;   // ... and being thrown
    private readonly BoltThrow _boltThrow;

    /// <summary>Step while only the test load is on: resolves passivation and polarisation.</summary>
    private const double LoadStepSeconds = 0.005;

    public DriveTrain(MotorParameters motor, BatteryParameters battery, double positionRadians,
        DriveTrainIntegration integration = DriveTrainIntegration.Exact)
    {
        _motor = motor;
        _integration = integration;
        _boltThrow = new BoltThrow(motor.TravelRadians);
        Battery = new BatteryPack(battery);
        Position = positionRadians;
        FrictionFactor = 1.0;
    }

    public BatteryPack Battery { get; private set; }

    /// <summary>A battery change: the new pack is in from now on.</summary>
    public void ReplaceBattery(BatteryParameters battery)
    {
        Battery = new BatteryPack(battery);
    }

    /// <summary>Thumb-turn angle: 0 is fully locked, <see cref="MotorParameters.TravelRadians"/> fully unlocked.</summary>
    public double Position { get; private set; }

    public MotorDrive Drive { get; set; } = MotorDrive.Coast;

    /// <summary>PWM duty of the bridge while driving, 0..1 (averaged: the motor's inductance smooths it).</summary>
    public double Duty { get; set; } = 1.0;

    /// <summary>Moves the thumb-turn by hand (someone turns it from inside).</summary>
    public void SetPosition(double radians)
    {
        Position = Math.Clamp(radians, 0, _motor.TravelRadians);
        _omega = 0;
    }

    public bool TestLoadOn { get; set; }

    /// <summary>Board powered (battery connected). Off: every output floats, the motor coasts.</summary>
    public bool Powered { get; set; } = true;

    /// <summary>A fault that stops the thumb-turn at this angle (a jam), or null.</summary>
    public double? JamAt { get; set; }

    /// <summary>Multiplies the cylinder's torque (a misaligned or stiff door).</summary>
    public double FrictionFactor
    {
        get => _frictionFactor;
        set
        {
            _frictionFactor = value;
            _freeFriction = ShaftFriction(bolt: false);
            _boltFriction = ShaftFriction(bolt: true);
        }
    }

    /// <summary>Motor winding broken: no current can flow.</summary>
    public bool OpenCircuit { get; set; }

    /// <summary>Motor terminals shorted together.</summary>
    public bool ShortCircuit { get; set; }

    public double MotorAmps => Math.Abs(_current);

    /// <summary>What the board's electronics draw from the pack now (set by the virtual board from its power budget), A.</summary>
    public double BoardAmps { get; set; }

    /// <summary>Charge the motor has drawn from the pack, coulombs.</summary>
    public double MotorCoulombs { get; private set; }

    /// <summary>Charge the self-test load has drawn from the pack, coulombs.</summary>
    public double TestLoadCoulombs { get; private set; }

    /// <summary>Battery terminal voltage now, with every load the board puts on it (0 with the battery out).</summary>
    public double TerminalVolts => Powered ? Battery.TerminalVolts(SupplyAmps) : 0;

    /// <summary>Current drawn from the battery now, A.</summary>
    public double SupplyAmps
    {
        get
        {
            if (!Powered)
            {
                return 0;
            }

            double motor = IsDriving ? Math.Abs(_current) * Duty : 0;
            double load = TestLoadOn ? LoadAmps() : 0;
            return BoardAmps + motor + load;
        }
    }

    private bool IsDriving => Powered && (Drive == MotorDrive.Unlock || Drive == MotorDrive.Lock);

    /// <summary>Integrates the physics up to <paramref name="seconds"/>.</summary>
    public void AdvanceTo(double seconds)
    {
        if (!IsMoving && !IsDriving)
        {
            _current = 0;
            AdvanceBatteryOnly(seconds);
            return;
        }

        if (_integration == DriveTrainIntegration.Exact)
        {
            AdvanceExact(seconds);
            return;
        }

        // The tolerance keeps rounding from losing steps: summed 0.5 ms steps drift from the
        // millisecond instants asked for, and a step lost in every few calls slowed the motor.
        while (_time + StepSeconds <= seconds + StepRounding)
        {
            if (!IsMoving && !IsDriving)
            {
                // Coasted to a stop (a power cut mid-move leaves no firmware timer to end the
                // interval): the rest is the battery alone, in one jump.
                _current = 0;
                AdvanceBatteryOnly(seconds);
                return;
            }

            Step();
            Draw(StepSeconds);
            _time += StepSeconds;
        }

        _time = Math.Max(_time, seconds);
    }

    /// <summary>With the motor still, the battery sees a constant current between changes: one jump, or small steps under the test load.</summary>
    private void AdvanceBatteryOnly(double seconds)
    {
        if (!TestLoadOn || !Powered)
        {
            Draw(seconds - _time);
            _time = Math.Max(_time, seconds);
            return;
        }

        while (_time < seconds)
        {
            double step = Math.Min(LoadStepSeconds, seconds - _time);
            Draw(step);
            _time += step;
        }
    }

    /// <summary>The pack carries every load for <paramref name="seconds"/>; the motor's and the test load's charge is booked.</summary>
    private void Draw(double seconds)
    {
        if (seconds <= 0)
        {
            return;
        }

        if (Powered)
        {
            MotorCoulombs += (IsDriving ? Math.Abs(_current) * Duty : 0) * seconds;
            TestLoadCoulombs += (TestLoadOn ? LoadAmps() : 0) * seconds;
        }

        Battery.Advance(seconds, SupplyAmps);
    }

    private bool IsMoving => Math.Abs(_omega) > 1e-6;

    private void Step()
    {
        double windingOhms = _motor.WindingOhms;
        double ke = _motor.BackEmfConstant;
        double backEmf = ke * _omega;

        if (IsDriving && !OpenCircuit)
        {
            double sign = Drive == MotorDrive.Unlock ? 1 : -1;
            double other = BoardAmps + (TestLoadOn ? LoadAmps() : 0);
            double loopOhms = (ShortCircuit ? 0 : windingOhms) + _motor.BridgeOhms + Battery.InternalOhms;
            double openCircuit = Battery.SourceVolts - other * Battery.InternalOhms;
            _current = (sign * openCircuit * Duty - (ShortCircuit ? 0 : backEmf)) / loopOhms;
        }
        else if (Powered && Drive == MotorDrive.Brake && !OpenCircuit)
        {
            // Terminals shorted through the low sides: the back-EMF drives a braking current.
            _current = -backEmf / (windingOhms + _motor.BridgeOhms);
        }
        else
        {
            _current = 0;
        }

        double motorTorque = ShortCircuit ? 0 : ke * _current;
        double friction = LoadTorqueAtThumbTurn() / (_motor.GearRatio * _motor.GearEfficiency) + _motor.MotorFrictionNm;
        _omega = NextSpeed(motorTorque, friction);

        double previous = Position;
        Position += _omega / _motor.GearRatio * StepSeconds;
        StopAtLimits(previous);
    }

    /// <summary>Friction opposes motion and can stop the shaft, but never turns it backwards.</summary>
    private double NextSpeed(double motorTorque, double friction)
    {
        if (!IsMoving)
        {
            if (Math.Abs(motorTorque) <= friction)
            {
                return 0;
            }

            return (motorTorque - Math.Sign(motorTorque) * friction) / _motor.RotorInertia * StepSeconds;
        }

        double next = _omega + (motorTorque - Math.Sign(_omega) * friction) / _motor.RotorInertia * StepSeconds;
        return Math.Sign(next) != Math.Sign(_omega) ? 0 : next;
    }

    /// <summary>The end stops, and a jam that blocks the thumb-turn at its angle from either side.</summary>
    private void StopAtLimits(double previous)
    {
        double low = 0;
        double high = _motor.TravelRadians;
        if (JamAt is double jam)
        {
            if (previous <= jam && Position > jam)
            {
                high = jam;
            }
            else if (previous >= jam && Position < jam)
            {
                low = jam;
            }
        }

        if (Position > high)
        {
            Position = high;
            _omega = 0;
        }
        else if (Position < low)
        {
            Position = low;
            _omega = 0;
        }
    }

    private double LoadTorqueAtThumbTurn()
    {
        double fraction = Position / _motor.TravelRadians;
        double boltThrow = fraction > 0.3 && fraction < 0.8 ? _motor.BoltThrowTorqueNm : 0;
        return (_motor.CylinderTorqueNm + boltThrow) * FrictionFactor;
    }

    private double LoadAmps()
    {
        return Math.Max(0, Battery.SourceVolts) / (Battery.Parameters.TestLoadOhms + Battery.InternalOhms);
    }
}
