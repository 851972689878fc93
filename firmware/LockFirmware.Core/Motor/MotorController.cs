using LockFirmware.Ports;
using LockFirmware.Time;

namespace LockFirmware.Motor
{
    /// <summary>
    /// Turns the thumb-turn to an end stop, bounded in every way, and decides where the bolt is.
    ///
    /// Boards without end switches find the end stop from the current: the motor stalls
    /// there. A stall after the shortest plausible travel is the end; an earlier stall is
    /// either a jam or a sign that the bolt was not where the lock believed (turned by hand,
    /// or unknown after a power loss). So the first early stall of a request makes the lock
    /// home once: it drives to the opposite end and then runs the full travel again. An
    /// early stall on that full run is a jam: back off, retry, and after the retries settle
    /// in Jammed.
    ///
    /// Commands during motion: the same direction is acknowledged without a second move;
    /// the opposite direction brakes at once and runs the new direction with a fresh budget.
    /// </summary>
    public sealed class MotorController : IActuator
    {
        private enum Phase
        {
            Idle,
            Driving,
            Braking,
            BackingOff,
            ReleasingTension
        }

        /// <summary>What follows the brake that is running now.</summary>
        private enum AfterBrake
        {
            Drive,
            BackOff,
            ReleaseTension,
            Finish
        }

        private readonly IMotorBridge _bridge;
        private readonly IMotorSpeed _speed;
        private readonly IAnalogInputs _analog;
        private readonly Timers _timers;
        private readonly MotorSettings _settings;

        private Phase _phase;
        private AfterBrake _afterBrake;
        private LockState _target;
        private LockState _finishState;
        private MotorAlarm _finishAlarm;
        private MotorDrive _drive;
        private bool _homing;
        private bool _homed;
        private int _attempt;
        private long _phaseStart;
        private long _lastStepAt;
        private int _onTimeMs;
        private int _stalledSamples;
        private long _stalledSince;
        private int _lowSupplySamples;
        private long _lowSupplySince;
        private int _dutyPermille;
        private int _supplyMillivolts;
        private long _travelMicrovoltSeconds;

        /// <param name="speed">PWM for soft start, or null on a board without it.</param>
        public MotorController(IMotorBridge bridge, IMotorSpeed speed, IAnalogInputs analog, Timers timers, MotorSettings settings)
        {
            _bridge = bridge;
            _speed = speed;
            _analog = analog;
            _timers = timers;
            _settings = settings;
            State = LockState.Unknown;
        }

        /// <summary>Called once per request when the motor has stopped for good.</summary>
        public MoveFinishedHandler MoveFinished;

        public LockState State { get; private set; }

        public MotorAlarm LastAlarm { get; private set; }

        public bool IsMoving
        {
            get { return _phase != Phase.Idle; }
        }

        public int CompletedLocks { get; private set; }

        public int CompletedUnlocks { get; private set; }

        /// <summary>
        /// Battery voltage at the last sample of the motor's running load in the last request
        /// (after the inrush, before the stall, so a passivated cell has recovered); 0 before any.
        /// </summary>
        public int LoadedMillivolts { get; private set; }

        /// <summary>Motor current at that same sample.</summary>
        public int LoadedMilliamps { get; private set; }

        /// <summary>Motor-on time of the request under way or last finished.</summary>
        public int OnTimeMs
        {
            get { return _onTimeMs; }
        }

        /// <summary>Takes the cycle counts kept in flash at boot.</summary>
        public void RestoreCounts(int completedLocks, int completedUnlocks)
        {
            CompletedLocks = completedLocks;
            CompletedUnlocks = completedUnlocks;
        }

        /// <summary>Asks for the bolt to go to <paramref name="target"/> (Locked or Unlocked).</summary>
        public MoveRequestResult Request(LockState target, long now)
        {
            LockState moving = target == LockState.Locked ? LockState.Locking : LockState.Unlocking;
            if (_phase != Phase.Idle && _target == target)
            {
                return MoveRequestResult.AlreadyMoving;
            }

            if (_phase == Phase.Idle && State == target)
            {
                return MoveRequestResult.AlreadyThere;
            }

            bool reversing = _phase != Phase.Idle;
            _target = target;
            _finishState = LockState.Unknown;
            _finishAlarm = MotorAlarm.None;
            _homing = false;
            _homed = false;
            _attempt = 0;
            _onTimeMs = 0;
            LoadedMillivolts = 0;
            LoadedMilliamps = 0;
            State = moving;
            if (reversing)
            {
                // The bolt is somewhere mid-travel: brake, then run the new direction.
                Brake(AfterBrake.Drive, now);
            }
            else
            {
                StartDrive(DriveTowards(target), now);
            }

            return MoveRequestResult.Started;
        }

        /// <summary>
        /// Stops a move at once (coast) for a fault outside the controller, such as the output
        /// guard having cut the bridge: the bolt's position is then unknown.
        /// </summary>
        public void Abort(MotorAlarm alarm, long now)
        {
            if (_phase != Phase.Idle)
            {
                Stop(LockState.Unknown, alarm, now);
            }
        }

        /// <summary>The MotorStep timer fired.</summary>
        public void OnStep(long now)
        {
            switch (_phase)
            {
                case Phase.Driving:
                    StepDriving(now);
                    break;
                case Phase.Braking:
                    if (now - _phaseStart >= _settings.BrakeMs)
                    {
                        EndBrake(now);
                    }
                    else
                    {
                        Schedule(now);
                    }

                    break;
                case Phase.BackingOff:
                    StepTimedReverse(now, _settings.BackOffMs, AfterBrake.Drive);
                    break;
                case Phase.ReleasingTension:
                    StepTimedReverse(now, _settings.TensionReleaseMs, AfterBrake.Finish);
                    break;
            }
        }

        private void StepDriving(long now)
        {
            Ramp(now);
            int milliamps = _analog.ReadMotorMilliamps();
            int millivolts = _analog.ReadBatteryMillivolts();
            _supplyMillivolts = millivolts;
            int elapsed = (int)(now - _phaseStart);

            EstimateTravel(millivolts, milliamps, now);
            if (!AccountOnTime(now))
            {
                Stop(LockState.Unknown, MotorAlarm.MaxOnTime, now);
                return;
            }

            if (elapsed < _settings.InrushBlankingMs)
            {
                Schedule(now);
                return;
            }

            if (milliamps >= _settings.OverCurrentMilliamps)
            {
                Stop(LockState.Unknown, MotorAlarm.OverCurrent, now);
                return;
            }

            if (milliamps <= _settings.OpenCircuitMilliamps)
            {
                Stop(LockState.Unknown, MotorAlarm.OpenCircuit, now);
                return;
            }

            // At a stall the supply sags by design; only the running load says whether the
            // battery can still turn the thumb-turn.
            int stallThreshold = (int)((long)millivolts * _settings.StallThresholdPermille / _settings.StallResistanceMilliohms);
            bool stalled = milliamps >= stallThreshold;
            if (Confirmed(stalled, ref _stalledSamples, ref _stalledSince, now))
            {
                OnStall(now);
                return;
            }

            if (!stalled)
            {
                LoadedMillivolts = millivolts;
                LoadedMilliamps = milliamps;
                if (Confirmed(millivolts < _settings.CutOffMillivolts, ref _lowSupplySamples, ref _lowSupplySince, now))
                {
                    Stop(LockState.Unknown, MotorAlarm.LowSupply, now);
                    return;
                }
            }

            if (elapsed >= ScaleForSupply(_settings.TravelTimeoutMs))
            {
                // No end stop in time: as good as stalled somewhere in the middle.
                OnEarlyStall(now);
                return;
            }

            Schedule(now);
        }

        /// <summary>
        /// A condition counts once it has held for StallConfirmMs over at least two samples in a
        /// row: the same 10 ms whether the steps come every 5 ms or every 10-30 ms (a board tick).
        /// </summary>
        private bool Confirmed(bool holds, ref int samples, ref long since, long now)
        {
            if (!holds)
            {
                samples = 0;
                return false;
            }

            if (samples == 0)
            {
                since = now;
            }

            samples++;
            return samples >= 2 && now - since >= _settings.StallConfirmMs;
        }

        private void OnStall(long now)
        {
            if (_homing)
            {
                // Homing only needs the opposite end; any stall will do, the full run decides.
                _homing = false;
                _homed = true;
                Brake(AfterBrake.Drive, now);
                return;
            }

            long endStopFrom = (long)_settings.FullTravelMillivoltSeconds * _settings.EndStopMinTravelPermille;
            if (_travelMicrovoltSeconds >= endStopFrom)
            {
                _finishState = _target;
                _finishAlarm = MotorAlarm.None;
                Brake(_settings.TensionReleaseMs > 0 ? AfterBrake.ReleaseTension : AfterBrake.Finish, now);
                return;
            }

            OnEarlyStall(now);
        }

        private void OnEarlyStall(long now)
        {
            if (_homing)
            {
                _homing = false;
                _homed = true;
                Brake(AfterBrake.Drive, now);
                return;
            }

            if (!_homed)
            {
                _homing = true;
                Brake(AfterBrake.Drive, now);
                return;
            }

            _attempt++;
            if (_attempt > _settings.JamRetries)
            {
                _finishState = LockState.Jammed;
                _finishAlarm = _target == LockState.Locked ? MotorAlarm.JammedWhileLocking : MotorAlarm.JammedWhileUnlocking;
            }

            Brake(AfterBrake.BackOff, now);
        }

        private void EndBrake(long now)
        {
            switch (_afterBrake)
            {
                case AfterBrake.Drive:
                    if (_finishState == LockState.Jammed)
                    {
                        Finish(now);
                        return;
                    }

                    MotorDrive towards = DriveTowards(_target);
                    StartDrive(_homing ? Opposite(towards) : towards, now);
                    break;
                case AfterBrake.BackOff:
                    StartTimed(Phase.BackingOff, Opposite(_drive), now);
                    break;
                case AfterBrake.ReleaseTension:
                    StartTimed(Phase.ReleasingTension, Opposite(_drive), now);
                    break;
                default:
                    Finish(now);
                    break;
            }
        }

        private void StepTimedReverse(long now, int durationMs, AfterBrake next)
        {
            Ramp(now);
            if (!AccountOnTime(now))
            {
                Stop(LockState.Unknown, MotorAlarm.MaxOnTime, now);
                return;
            }

            if (now - _phaseStart >= durationMs)
            {
                Brake(next, now);
                return;
            }

            Schedule(now);
        }

        /// <summary>
        /// Sensorless travel estimate: the motor's speed is proportional to its back-EMF,
        /// which is the supply minus the resistive drop. Integrated over time it is the angle
        /// turned (in µV·s, so the integer keeps its precision on the device).
        /// </summary>
        private void EstimateTravel(int millivolts, int milliamps, long now)
        {
            long backEmfMillivolts = millivolts - (long)milliamps * _settings.StallResistanceMilliohms / 1000;
            if (backEmfMillivolts > 0)
            {
                _travelMicrovoltSeconds += backEmfMillivolts * (now - _lastStepAt);
            }
        }

        /// <summary>
        /// Adds the time driven since the last step; false when one more step would pass the
        /// absolute limit, so no path can keep the motor on longer than MaxOnTimeMs.
        /// </summary>
        private bool AccountOnTime(long now)
        {
            _onTimeMs += (int)(now - _lastStepAt);
            _lastStepAt = now;
            return _onTimeMs + _settings.StepMs + _settings.StepLatenessMs <= _settings.MaxOnTimeMs;
        }

        private void StartDrive(MotorDrive drive, long now)
        {
            _finishState = LockState.Unknown;
            _travelMicrovoltSeconds = 0;
            _stalledSamples = 0;
            _lowSupplySamples = 0;
            StartTimed(Phase.Driving, drive, now);
        }

        private void StartTimed(Phase phase, MotorDrive drive, long now)
        {
            if (_onTimeMs + _settings.StepMs + _settings.StepLatenessMs > _settings.MaxOnTimeMs)
            {
                Stop(LockState.Unknown, MotorAlarm.MaxOnTime, now);
                return;
            }

            _lastStepAt = now;
            _phase = phase;
            _drive = drive;
            _phaseStart = now;
            SetDuty(_settings.SoftStartMs > 0 ? _settings.SoftStartFromPermille : 1000);
            _bridge.Drive(drive);
            Schedule(now);
        }

        private void Brake(AfterBrake next, long now)
        {
            _phase = Phase.Braking;
            _afterBrake = next;
            _phaseStart = now;
            SetDuty(1000);
            _bridge.Drive(MotorDrive.Brake);
            Schedule(now);
        }

        /// <summary>
        /// Soft start: the duty climbs linearly to full over SoftStartMs (boards with PWM), and
        /// is set to full at the first step after that time, however late that step lands.
        /// </summary>
        private void Ramp(long now)
        {
            if (_speed == null || _dutyPermille >= 1000)
            {
                return;
            }

            int elapsed = (int)(now - _phaseStart);
            if (_settings.SoftStartMs <= 0 || elapsed >= _settings.SoftStartMs)
            {
                SetDuty(1000);
                return;
            }

            int from = _settings.SoftStartFromPermille;
            SetDuty(from + (1000 - from) * elapsed / _settings.SoftStartMs);
        }

        private void SetDuty(int permille)
        {
            _dutyPermille = permille;
            if (_speed != null)
            {
                _speed.SetDuty(permille);
            }
        }

        /// <summary>Electrical faults stop at once (coast): braking would keep a short loaded.</summary>
        private void Stop(LockState state, MotorAlarm alarm, long now)
        {
            _bridge.Drive(MotorDrive.Coast);
            _finishState = state;
            _finishAlarm = alarm;
            Finish(now);
        }

        private void Finish(long now)
        {
            _bridge.Drive(MotorDrive.Coast);
            _timers.Cancel(TimerId.MotorStep);
            _phase = Phase.Idle;
            State = _finishState;
            LastAlarm = _finishAlarm;
            if (_finishState == LockState.Locked)
            {
                CompletedLocks++;
            }
            else if (_finishState == LockState.Unlocked)
            {
                CompletedUnlocks++;
            }

            MoveFinishedHandler handler = MoveFinished;
            if (handler != null)
            {
                handler(State, LastAlarm);
            }
        }

        private void Schedule(long now)
        {
            _timers.Start(TimerId.MotorStep, now + _settings.StepMs);
        }

        /// <summary>Travel times stretch as the supply sags: the motor's speed follows its voltage.</summary>
        private int ScaleForSupply(int millisecondsAtNominal)
        {
            int supply = _supplyMillivolts > 0 ? _supplyMillivolts : _settings.NominalMillivolts;
            return (int)((long)millisecondsAtNominal * _settings.NominalMillivolts / supply);
        }

        private static MotorDrive DriveTowards(LockState target)
        {
            return target == LockState.Locked ? MotorDrive.Lock : MotorDrive.Unlock;
        }

        private static MotorDrive Opposite(MotorDrive drive)
        {
            return drive == MotorDrive.Lock ? MotorDrive.Unlock : MotorDrive.Lock;
        }
    }
}
