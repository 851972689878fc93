using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>LEDs that remember their first 16 writes and when each came, so tests can check exact timings; later writes are only counted.</summary>
    public sealed class RecordingLeds : ILeds
    {
        private const int Capacity = 16;
        private readonly FakeClock _clock;
        private readonly LedChange[] _changes = new LedChange[Capacity];

        public RecordingLeds(FakeClock clock)
        {
            _clock = clock;
        }

        public int Count { get; private set; }

        public LedChange this[int index]
        {
            get { return _changes[index]; }
        }

        public void Set(Led led, bool on)
        {
            if (Count < Capacity)
            {
                _changes[Count] = new LedChange(led, on, _clock.NowMilliseconds);
            }

            Count++;
        }
    }
}
