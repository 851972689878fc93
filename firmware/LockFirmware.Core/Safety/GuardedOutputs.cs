using LockFirmware.Ports;

namespace LockFirmware.Safety
{
    /// <summary>
    /// The motor bridge, the strike and the test load as the lock logic sees them: whatever energises one
    /// arms the output guard first, so a fault later in the same dispatcher round is covered,
    /// and each round's check-in re-arms the guard while something is on and disarms it when
    /// nothing is.
    /// </summary>
    public sealed class GuardedOutputs : IMotorBridge, IBatteryLoad, IStrike
    {
        private readonly IMotorBridge _bridge;
        private readonly IBatteryLoad _load;
        private readonly IStrike _strike;
        private readonly IOutputGuard _guard;
        private readonly int _boundMs;
        private bool _motorOn;
        private bool _loadOn;
        private bool _strikeOn;

        /// <param name="guard">The board's guard, or null where it has none (the outputs are then passed through).</param>
        public GuardedOutputs(IMotorBridge bridge, IBatteryLoad load, IOutputGuard guard, int boundMs)
            : this(bridge, load, null, guard, boundMs)
        {
        }

        /// <param name="bridge">The motor bridge; null on a port unit.</param>
        /// <param name="strike">The strike relay; null on a door unit. A released strike is guarded like a running motor: a hung lock logic must not leave the entrance open.</param>
        public GuardedOutputs(IMotorBridge bridge, IBatteryLoad load, IStrike strike, IOutputGuard guard, int boundMs)
        {
            _bridge = bridge;
            _load = load;
            _strike = strike;
            _guard = guard;
            _boundMs = boundMs;
        }

        /// <summary>The motor is driven, the strike released or the test load on.</summary>
        public bool Energised
        {
            get { return _motorOn || _loadOn || _strikeOn; }
        }

        /// <summary>True when the guard stopped the outputs behind the lock logic's back.</summary>
        public bool GuardTripped
        {
            get { return _guard != null && _guard.Tripped; }
        }

        public void Drive(MotorDrive drive)
        {
            _motorOn = drive == MotorDrive.Lock || drive == MotorDrive.Unlock;
            if (_motorOn)
            {
                Arm();
            }

            if (_bridge != null)
            {
                _bridge.Drive(drive);
            }
        }

        public void Release(bool released)
        {
            _strikeOn = released && _strike != null;
            if (_strikeOn)
            {
                Arm();
            }

            if (_strike != null)
            {
                _strike.Release(released);
            }
        }

        public void Apply(bool on)
        {
            _loadOn = on;
            if (on)
            {
                Arm();
            }

            _load.Apply(on);
        }

        /// <summary>The end of a dispatcher round: the lock logic is alive.</summary>
        public void CheckIn()
        {
            if (_guard == null)
            {
                return;
            }

            if (Energised)
            {
                _guard.Arm(_boundMs);
            }
            else
            {
                _guard.Disarm();
            }
        }

        /// <summary>Both outputs off, straight to the hardware; used after a trip and by fault containment.</summary>
        public void StopAll()
        {
            _motorOn = false;
            _loadOn = false;
            _strikeOn = false;
            if (_bridge != null)
            {
                _bridge.Drive(MotorDrive.Coast);
            }

            if (_strike != null)
            {
                _strike.Release(false);
            }

            _load.Apply(false);
            if (_guard != null)
            {
                _guard.Disarm();
                _guard.Clear();
            }
        }

        private void Arm()
        {
            if (_guard != null)
            {
                _guard.Arm(_boundMs);
            }
        }
    }
}
