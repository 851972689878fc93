using System.Threading;
using LockFirmware.Ports;
using LockFirmware.Safety;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The output guard on the board: a one-shot System.Threading.Timer, re-armed at each drive
    /// start and each dispatcher check-in. Its callback runs on a thread of its own, so a
    /// dispatcher stuck in managed code (the CLR preempts it after its 20 ms quantum) cannot
    /// hold it up: it drives the bridge to coast, engages a port unit's strike and switches the
    /// test load off through the adapters directly. If the dispatcher still has not checked in
    /// <see cref="GuardTimings.RestartAfterTripMs"/> later, it restarts the unit.
    /// A GC pause or a long native call stops this thread too; the hardware dead-man in
    /// hardware/boards/output-guard.md covers that case on boards wired for it.
    /// </summary>
    public sealed class TimerOutputGuard : IOutputGuard
    {
        private readonly IMotorBridge _bridge;
        private readonly IBatteryLoad _load;
        private readonly IStrike _strike;
        private readonly Timer _timer;
        private readonly object _gate = new object();
        private bool _tripped;
        private bool _restartPending;

        /// <param name="bridge">The bridge adapter itself, not the lock logic's guarded view of it; null on a port unit.</param>
        /// <param name="load">The test-load adapter itself.</param>
        /// <param name="strike">A port unit's strike relay adapter; null on a door unit.</param>
        public TimerOutputGuard(IMotorBridge bridge, IBatteryLoad load, IStrike strike)
        {
            _bridge = bridge;
            _load = load;
            _strike = strike;
            _timer = new Timer(OnExpired, null, Timeout.Infinite, Timeout.Infinite);
        }

        public bool Tripped
        {
            get
            {
                lock (_gate)
                {
                    return _tripped;
                }
            }
        }

        public void Arm(int withinMs)
        {
            lock (_gate)
            {
                _restartPending = false;
            }

            _timer.Change(withinMs, Timeout.Infinite);
        }

        public void Disarm()
        {
            lock (_gate)
            {
                _restartPending = false;
            }

            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        public void Clear()
        {
            lock (_gate)
            {
                _tripped = false;
            }
        }

        private void OnExpired(object state)
        {
            bool restart;
            lock (_gate)
            {
                restart = _restartPending;
                _tripped = true;
                _restartPending = true;
            }

            if (restart)
            {
                // Outputs have been off for a while; the dispatcher is gone for good.
                Power.RebootDevice();
                return;
            }

            if (_bridge != null)
            {
                _bridge.Drive(MotorDrive.Coast);
            }

            if (_strike != null)
            {
                _strike.Release(false);
            }

            _load.Apply(false);
            _timer.Change(GuardTimings.RestartAfterTripMs, Timeout.Infinite);
        }
    }
}
