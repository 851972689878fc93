using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>Time that moves only when the test moves it.</summary>
    public sealed class FakeClock : IClock
    {
        public long NowMilliseconds { get; set; }
    }
}
