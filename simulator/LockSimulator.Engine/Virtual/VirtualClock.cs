using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>Virtual time: moves only when the simulation advances it.</summary>
public sealed class VirtualClock : IClock
{
    public long NowMilliseconds { get; set; }
}
