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
        /// <summary>Longest sleep without a deadline; bounds the cost of a missed wake-up.</summary>
        private const int IdleWakeMs = 1000;

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
                int wait = IdleWakeMs;
                if (next != Timers.Never)
                {
                    long untilDue = next - _clock.NowMilliseconds;
                    wait = untilDue <= 0 ? 0 : (untilDue < IdleWakeMs ? (int)untilDue : IdleWakeMs);
                }

                if (wait > 0)
                {
                    _wake.WaitOne(wait, false);
                }
            }
        }
    }
}
