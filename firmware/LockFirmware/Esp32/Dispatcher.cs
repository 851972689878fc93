using System;
using System.Threading;
using LockFirmware.Ports;
using LockFirmware.Safety;
using LockFirmware.Time;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The one thread that runs the lock logic: it processes what is queued and what is
    /// due, then sleeps until the next deadline or until an adapter wakes it. Every round is
    /// contained: if it throws, or an adapter reports that its callback threw, the motor
    /// coasts and the test load goes off, the fault is counted and logged, and the unit
    /// restarts (nanoFramework's ESP32 images run no task watchdog that would do it for us).
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
        private IMotorBridge _bridge;
        private IBatteryLoad _load;
        private IStrike _strike;
        private readonly object _faultGate = new object();
        private bool _callbackFault;

        /// <param name="bridge">The bridge adapter itself, stopped first when a fault is contained.</param>
        /// <param name="load">The test-load adapter itself.</param>
        public void Attach(LockCore core, IClock clock, GattLockService gatt, IMotorBridge bridge, IBatteryLoad load, IStrike strike)
        {
            _core = core;
            _clock = clock;
            _gatt = gatt;
            _bridge = bridge;
            _load = load;
            _strike = strike;
        }

        /// <summary>Called by adapters, from any thread, after they queued an input.</summary>
        public void Wake()
        {
            _wake.Set();
        }

        /// <summary>Called by an adapter, from its own thread, when its callback threw: the next round contains it.</summary>
        public void ReportFault()
        {
            lock (_faultGate)
            {
                _callbackFault = true;
            }

            _wake.Set();
        }

        public void Run()
        {
            while (true)
            {
                int wait;
                try
                {
                    wait = Round();
                }
                catch (Exception)
                {
                    Contain(FaultKind.Round);
                    return;
                }

                if (CallbackFaulted())
                {
                    Contain(FaultKind.Callback);
                    return;
                }

                if (wait != 0)
                {
                    _wake.WaitOne(wait, false);
                }
            }
        }

        private bool CallbackFaulted()
        {
            lock (_faultGate)
            {
                return _callbackFault;
            }
        }

        /// <summary>
        /// One round; returns how long to sleep before the next (Timeout.Infinite until an
        /// input, when nothing is due). While an output is on the core keeps a guard check-in
        /// due, so the wait then ends in time for the output guard.
        /// </summary>
        private int Round()
        {
            _core.Process();
            _gatt.UpdateStatus(_core.StatusFlags);
            long next = _core.NextDueAt;
            if (next == Timers.Never)
            {
                return Timeout.Infinite;
            }

            long untilDue = next - _clock.NowMilliseconds;
            return untilDue <= 0 ? 0 : (untilDue < MaxWaitMs ? (int)untilDue : MaxWaitMs);
        }

        /// <summary>Outputs off straight away, then the record (which needs the storage), then a clean restart.</summary>
        private void Contain(FaultKind kind)
        {
            StopOutputs(_bridge, _load, _strike);
            try
            {
                _core.ContainFault(kind);
            }
            catch (Exception)
            {
                // The storage failed as well; the outputs are already off and the restart follows.
            }

            Console.WriteLine("lock: fault contained, restarting");
            Power.RebootDevice();
        }

        /// <summary>Strike engaged, coast and load off, each on its own, so one failing adapter cannot keep another on.</summary>
        public static void StopOutputs(IMotorBridge bridge, IBatteryLoad load, IStrike strike)
        {
            try
            {
                if (strike != null)
                {
                    strike.Release(false);
                }
            }
            catch (Exception)
            {
                // Go on to the bridge and the load.
            }

            try
            {
                if (bridge != null)
                {
                    bridge.Drive(MotorDrive.Coast);
                }
            }
            catch (Exception)
            {
                // Nothing better to do with a bridge that throws than to go on to the load.
            }

            try
            {
                if (load != null)
                {
                    load.Apply(false);
                }
            }
            catch (Exception)
            {
                // The restart that follows resets every pin.
            }
        }
    }
}
