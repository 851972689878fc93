using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>A strike relay that remembers its output and how often it was released.</summary>
    public sealed class RecordingStrike : IStrike
    {
        public bool Released { get; private set; }

        public int Releases { get; private set; }

        public void Release(bool released)
        {
            if (released && !Released)
            {
                Releases++;
            }

            Released = released;
        }
    }
}
