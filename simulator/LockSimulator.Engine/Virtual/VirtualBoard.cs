using System;
using LockFirmware.Ports;
using LockSimulator.Physics;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// The board's ports on top of the physics: what the firmware writes goes to the drive train
/// and the trace; what it reads comes from the drive train at the current virtual time.
/// </summary>
public sealed class VirtualBoard : IMotorBridge, IMotorSpeed, IAnalogInputs, ILeds, IBatteryLoad
{
    private readonly DriveTrain _physics;
    private readonly VirtualClock _clock;
    private readonly TraceRecorder _trace;

    public VirtualBoard(DriveTrain physics, VirtualClock clock, TraceRecorder trace, BoardPower power)
    {
        _physics = physics;
        _clock = clock;
        _trace = trace;
        Power = power;
    }

    /// <summary>The board's own consumption, from the power budget of its chip and image.</summary>
    public BoardPower Power { get; }

    public bool GreenOn { get; private set; }

    public bool RedOn { get; private set; }

    public void Drive(MotorDrive drive)
    {
        _physics.Drive = drive;
        Power.OnMotor(drive != MotorDrive.Coast);
        _trace.Record(_clock.NowMilliseconds, Signals.Motor, DriveName(drive));
    }

    /// <summary>The drive as the trace names it, without formatting the enum at every change.</summary>
    private static string DriveName(MotorDrive drive) => drive switch
    {
        MotorDrive.Coast => "coast",
        MotorDrive.Unlock => "unlock",
        MotorDrive.Lock => "lock",
        MotorDrive.Brake => "brake",
        _ => throw new ArgumentOutOfRangeException(nameof(drive), drive, "not a bridge drive"),
    };

    /// <summary>PWM soft start: the drive train sees the average voltage.</summary>
    public void SetDuty(int permille) => _physics.Duty = permille / 1000.0;

    public int ReadBatteryMillivolts() => (int)Math.Round(_physics.TerminalVolts * 1000);

    public int ReadMotorMilliamps() => _physics.Drive is MotorDrive.Lock or MotorDrive.Unlock
        ? (int)Math.Round(_physics.MotorAmps * 1000)
        : 0;

    public void Set(Led led, bool on)
    {
        if (led == Led.Green)
        {
            GreenOn = on;
        }
        else
        {
            RedOn = on;
        }

        Power.OnLeds((GreenOn ? 1 : 0) + (RedOn ? 1 : 0));

        _trace.Record(_clock.NowMilliseconds, led == Led.Green ? Signals.GreenLed : Signals.RedLed, on ? "1" : "0");
    }

    public void Apply(bool on)
    {
        _physics.TestLoadOn = on;
        _trace.Record(_clock.NowMilliseconds, Signals.TestLoad, on ? "1" : "0");
    }
}
