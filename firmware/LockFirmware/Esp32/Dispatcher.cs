using System.Threading;
using LockFirmware.Ports;
using LockFirmware.Time;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The one thread that runs the lock logic: it processes what is queued and what is
    /// due, then sleeps until the next deadline or until an adapter wakes it.
    /// </summary>
    public sealed class Dispatcher
    {
        /// <summary>
        /// Longest single wait: a deadline further away is waited for in steps this long. No
        /// periodic wake-up otherwise: a Set() before the wait keeps the event signalled, so no
        /// wake-up is missed, and a CPU that wakes every second cannot stay in light sleep
        /// (hardware/power-budget.md).
        /// </summary>
        private const int MaxWaitMs = int.MaxValue;

        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private LockCore _core;
        private IClock _clock;
        private GattLockService _gatt;

        public void Attach(LockCore core, IClock clock, GattLockService gatt)
        {
            _core = core;
            _clock = clock;
            _gatt = gatt;
        }

        /// <summary>Called by adapters, from any thread, after they queued an input.</summary>
        public void Wake()
        {
            _wake.Set();
        }

        public void Run()
        {
            while (true)
            {
                _core.Process();
                _gatt.UpdateStatus(_core.StatusFlags);
                long next = _core.NextDueAt;
                int wait = Timeout.Infinite;
                if (next != Timers.Never)
                {
                    long untilDue = next - _clock.NowMilliseconds;
                    wait = untilDue <= 0 ? 0 : (untilDue < MaxWaitMs ? (int)untilDue : MaxWaitMs);
                }

                if (wait != 0)
                {
                    _wake.WaitOne(wait, false);
                }
            }
        }
    }
}
