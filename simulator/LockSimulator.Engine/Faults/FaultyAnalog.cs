using LockFirmware.Ports;

namespace LockSimulator.Faults;

/// <summary>The analog inputs, with an injectable throw: the next read fails as a misbehaving ADC adapter would.</summary>
internal sealed class FaultyAnalog : IAnalogInputs
{
    private readonly IAnalogInputs _inner;

    public FaultyAnalog(IAnalogInputs inner)
    {
        _inner = inner;
    }

    /// <summary>The next read throws.</summary>
    public bool ThrowNext { get; set; }

    public int ReadBatteryMillivolts()
    {
        ThrowIfArmed();
        return _inner.ReadBatteryMillivolts();
    }

    public int ReadMotorMilliamps()
    {
        ThrowIfArmed();
        return _inner.ReadMotorMilliamps();
    }

    private void ThrowIfArmed()
    {
        if (ThrowNext)
        {
            ThrowNext = false;
            throw new InjectedFaultException("the ADC adapter");
        }
    }
}
