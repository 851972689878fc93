using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>Time moves only when the benchmark moves it: frozen while a command is measured.</summary>
public sealed class SettableClock : IClock
{
    public long NowMilliseconds { get; set; }
}
