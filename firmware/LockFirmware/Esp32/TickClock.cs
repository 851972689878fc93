using System;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>Milliseconds since boot from the system tick (monotonic; wall time is not needed here).</summary>
    public sealed class TickClock : IClock
    {
        public long NowMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
