using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>One write to an LED, with the clock time it happened at.</summary>
    public struct LedChange
    {
        public readonly Led Led;
        public readonly bool On;
        public readonly long At;

        public LedChange(Led led, bool on, long at)
        {
            Led = led;
            On = on;
            At = at;
        }
    }
}
