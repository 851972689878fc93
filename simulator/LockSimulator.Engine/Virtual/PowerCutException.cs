using System;

namespace LockSimulator.Virtual;

/// <summary>Thrown by virtual hardware when an armed power cut strikes: the firmware stops where it is.</summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException()
        : base("power cut")
    {
    }
}
