using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>Analog readings that stay what the benchmark set: a fresh 7.2 V pack, motor off.</summary>
public sealed class FixedAnalogInputs : IAnalogInputs
{
    public int BatteryMillivolts { get; set; } = 7200;

    public int MotorMilliamps { get; set; }

    public int ReadBatteryMillivolts() => BatteryMillivolts;

    public int ReadMotorMilliamps() => MotorMilliamps;
}
