using LockFirmware.Ports;
using LockSimulator.Budget;

namespace LockSimulator.Timing;

/// <summary>
/// The motor bridge with the board's time for the dispatcher's work before a motor start: the
/// interpreted stages of <see cref="UnlockPathCost.DispatcherToMotor"/> (queue take, reassembly,
/// authentication, policy) are spent as the bridge is driven from rest, so the motor starts no
/// earlier than the board would start it. A start by the button or a relock timer is charged
/// the same, which is kinder to nobody.
/// </summary>
internal sealed class TimedMotor : IMotorBridge
{
    private readonly IMotorBridge _inner;
    private readonly BoardScheduler _scheduler;
    private MotorDrive _drive = MotorDrive.Coast;

    public TimedMotor(IMotorBridge inner, BoardScheduler scheduler)
    {
        _inner = inner;
        _scheduler = scheduler;
    }

    public void Drive(MotorDrive drive)
    {
        bool starts = (drive is MotorDrive.Unlock or MotorDrive.Lock) && (_drive is MotorDrive.Coast or MotorDrive.Brake);
        _drive = drive;
        if (starts)
        {
            _scheduler.SpendInterpreted(UnlockPathCost.DispatcherToMotorInterpretedMicros(_scheduler.Budget));
        }

        _inner.Drive(drive);
    }
}
