using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>LEDs and test load that do nothing: the unlock path does not touch them.</summary>
public sealed class NoOpOutputs : ILeds, IBatteryLoad
{
    public void Set(Led led, bool on)
    {
    }

    public void Apply(bool on)
    {
    }
}
