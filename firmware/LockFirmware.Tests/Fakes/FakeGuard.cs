using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>An output guard that records what the lock logic asked of it; a test trips it by hand.</summary>
    public sealed class FakeGuard : IOutputGuard
    {
        /// <summary>The bound of the last Arm, or 0 when disarmed.</summary>
        public int ArmedFor { get; private set; }

        public int Arms { get; private set; }

        public bool Tripped { get; set; }

        public void Arm(int withinMs)
        {
            ArmedFor = withinMs;
            Arms++;
        }

        public void Disarm()
        {
            ArmedFor = 0;
        }

        public void Clear()
        {
            Tripped = false;
        }
    }
}
