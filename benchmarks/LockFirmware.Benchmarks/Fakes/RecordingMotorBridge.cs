using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>An H-bridge that only remembers how it was last driven.</summary>
public sealed class RecordingMotorBridge : IMotorBridge
{
    public MotorDrive Last { get; private set; }

    public void Drive(MotorDrive drive) => Last = drive;
}
