using System;

namespace LockSimulator.Faults;

/// <summary>Thrown by a virtual adapter when a fault was injected: the firmware must contain it as it would any exception.</summary>
public sealed class InjectedFaultException : Exception
{
    public InjectedFaultException(string where)
        : base($"injected fault: {where} threw")
    {
    }
}
