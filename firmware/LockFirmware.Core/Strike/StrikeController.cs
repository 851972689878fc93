using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Time;

namespace LockFirmware.Strike
{
    /// <summary>
    /// The port unit's actuator: an unlock releases the strike for the configured time (capped
    /// at <see cref="StrikeSettings.MaxReleaseMs"/>) and the release ends early once the door has
    /// opened and closed again. An unlock during a release restarts its time from that command,
    /// so a second staff member's release is not cut short by the first's, but no chain of
    /// unlocks holds the strike released longer than <see cref="StrikeSettings.MaxContinuousReleaseMs"/>
    /// from the chain's start: there it engages and rests engaged for
    /// <see cref="StrikeSettings.RestAfterCapMs"/>; an unlock meanwhile is accepted and releases
    /// when the rest is over. A release that starts less than that rest after any engagement (a
    /// Lock, a door cycle) continues the chain before it, so Lock and Unlock in turn gain nothing.
    /// A door opening during a release confirms the entry; a door standing open past <see cref="StrikeSettings.HeldOpenMs"/> raises the held-open alarm until it
    /// closes. Released reads as Unlocked, engaged as Locked: the strike's state is known from its
    /// output, without a sensor.
    /// </summary>
    public sealed class StrikeController : IActuator
    {
        private readonly IStrike _strike;
        private readonly Timers _timers;
        private readonly int _releaseMs;
        private readonly int _heldOpenMs;
        private long _releasedAt;

        /// <summary>When the chain of releases this one belongs to began: the cap counts from here.</summary>
        private long _chainStart;

        /// <summary>When the strike last engaged (far in the past before the first release).</summary>
        private long _engagedAt = long.MinValue / 2;
        private long _restUntil = long.MinValue;
        private bool _releasePending;
        private bool _doorOpen;
        private bool _enteredDuringRelease;

        public StrikeController(IStrike strike, Timers timers, StrikeSettings settings)
        {
            _strike = strike;
            _timers = timers;
            _releaseMs = settings.ReleaseMs < StrikeSettings.MaxReleaseMs ? settings.ReleaseMs : StrikeSettings.MaxReleaseMs;
            _heldOpenMs = settings.HeldOpenMs;
            State = LockState.Locked;
        }

        /// <summary>Called when the strike is released (Unlocked) or engaged again (Locked).</summary>
        public MoveFinishedHandler MoveFinished;

        public LockState State { get; private set; }

        /// <summary>DoorHeldOpen while the door stands open past its time; None otherwise.</summary>
        public MotorAlarm LastAlarm { get; private set; }

        public bool IsMoving
        {
            get { return false; }
        }

        public int CompletedLocks { get; private set; }

        public int CompletedUnlocks { get; private set; }

        /// <summary>The strike measures no battery load: the self-test is the port unit's load test.</summary>
        public int LoadedMillivolts
        {
            get { return 0; }
        }

        public int LoadedMilliamps
        {
            get { return 0; }
        }

        /// <summary>How long the last release lasted, ms.</summary>
        public int OnTimeMs { get; private set; }

        /// <summary>The release time in force (the setting, capped at the bound).</summary>
        public int ReleaseMs
        {
            get { return _releaseMs; }
        }

        /// <summary>The time the door may stand open before the alarm, ms.</summary>
        public int HeldOpenMs
        {
            get { return _heldOpenMs; }
        }

        public bool DoorOpen
        {
            get { return _doorOpen; }
        }

        /// <summary>Milliseconds since the last release began.</summary>
        public long SinceReleaseMs(long now)
        {
            return now - _releasedAt;
        }

        public void RestoreCounts(int completedLocks, int completedUnlocks)
        {
            CompletedLocks = completedLocks;
            CompletedUnlocks = completedUnlocks;
        }

        public MoveRequestResult Request(LockState target, long now)
        {
            if (target == LockState.Unlocked)
            {
                if (State == LockState.Unlocked)
                {
                    if (now < _chainStart + StrikeSettings.MaxContinuousReleaseMs)
                    {
                        Retrigger(now);
                        return MoveRequestResult.Restarted;
                    }

                    // The cap is due and its timer not yet handled (inputs come first in a round):
                    // the cap wins, and this unlock waits for the rest like any other.
                    EngageAtCap(now);
                }

                if (now < _restUntil || ContinuesSpentChain(now))
                {
                    _releasePending = true;
                    _timers.Start(TimerId.StrikeRelease, _restUntil);
                    return MoveRequestResult.Started;
                }

                Release(now);
                return MoveRequestResult.Started;
            }

            if (_releasePending)
            {
                // Engaged and resting: a lock asked for now keeps it so, and that is a change.
                _releasePending = false;
                _timers.Cancel(TimerId.StrikeRelease);
                return MoveRequestResult.Cancelled;
            }

            if (State != LockState.Unlocked)
            {
                return MoveRequestResult.AlreadyThere;
            }

            Engage(now);
            return MoveRequestResult.Started;
        }

        /// <summary>The StrikeRelease timer fired: the release time (or the cap) is over, or a rest after the cap is.</summary>
        public void OnReleaseTimer(long now)
        {
            if (State == LockState.Unlocked)
            {
                if (now >= _chainStart + StrikeSettings.MaxContinuousReleaseMs)
                {
                    EngageAtCap(now);
                }
                else
                {
                    Engage(now);
                }
            }
            else if (_releasePending)
            {
                Release(now);
            }
        }

        /// <summary>The door contact changed; true when the door opened during a release (the entry is confirmed).</summary>
        public bool OnDoor(bool open, long now)
        {
            if (open == _doorOpen)
            {
                return false;
            }

            _doorOpen = open;
            if (open)
            {
                _timers.Start(TimerId.DoorHeldOpen, now + _heldOpenMs);
                _enteredDuringRelease = State == LockState.Unlocked;
                return _enteredDuringRelease;
            }

            _timers.Cancel(TimerId.DoorHeldOpen);
            if (LastAlarm == MotorAlarm.DoorHeldOpen)
            {
                LastAlarm = MotorAlarm.None;
            }

            // Opened and closed again: whoever was let in is in; the entrance shuts now.
            if (State == LockState.Unlocked && _enteredDuringRelease)
            {
                Engage(now);
            }

            return false;
        }

        /// <summary>The DoorHeldOpen timer fired; true when the alarm is raised now (the caller tells the phone and the audit log).</summary>
        public bool OnHeldOpenTimer()
        {
            if (!_doorOpen || LastAlarm == MotorAlarm.DoorHeldOpen)
            {
                return false;
            }

            LastAlarm = MotorAlarm.DoorHeldOpen;
            return true;
        }

        /// <summary>The outputs were cut (guard trip or fault): the strike is engaged again, and a release waiting for its rest is dropped.</summary>
        public void Abort(MotorAlarm alarm, long now)
        {
            if (_releasePending)
            {
                _releasePending = false;
                _timers.Cancel(TimerId.StrikeRelease);
            }

            if (LastAlarm != MotorAlarm.DoorHeldOpen)
            {
                LastAlarm = alarm;
            }

            if (State == LockState.Unlocked)
            {
                _timers.Cancel(TimerId.StrikeRelease);
                _engagedAt = now;
                State = LockState.Locked;
                OnTimeMs = (int)(now - _releasedAt);
                Finished();
            }
        }

        private void Release(long now)
        {
            _releasePending = false;
            _strike.Release(true);
            State = LockState.Unlocked;
            if (LastAlarm != MotorAlarm.DoorHeldOpen)
            {
                LastAlarm = MotorAlarm.None;
            }

            if (now - _engagedAt >= StrikeSettings.RestAfterCapMs)
            {
                _chainStart = now;
            }

            _releasedAt = now;
            OnTimeMs = 0;
            _enteredDuringRelease = false;
            long end = now + _releaseMs;
            long cap = _chainStart + StrikeSettings.MaxContinuousReleaseMs;
            _timers.Start(TimerId.StrikeRelease, end < cap ? end : cap);
            CompletedUnlocks++;
            Finished();
        }

        /// <summary>
        /// Another unlock while released: the release time starts again from now, never past the
        /// cap. Someone else asked, so the door cycle of whoever is already through no longer
        /// ends it; the next one does.
        /// </summary>
        private void Retrigger(long now)
        {
            long end = now + _releaseMs;
            long cap = _chainStart + StrikeSettings.MaxContinuousReleaseMs;
            _timers.Start(TimerId.StrikeRelease, end < cap ? end : cap);
            _enteredDuringRelease = false;
        }

        private void EngageAtCap(long now)
        {
            Engage(now);
            _restUntil = now + StrikeSettings.RestAfterCapMs;
        }

        /// <summary>
        /// A release now would start within the rest of the last engagement, so it continues that
        /// chain; when the chain has had its cap, it waits until the strike has rested engaged
        /// (true; the rest's end is set). So no Lock between Unlocks stretches the cap.
        /// </summary>
        private bool ContinuesSpentChain(long now)
        {
            if (now - _engagedAt >= StrikeSettings.RestAfterCapMs || now < _chainStart + StrikeSettings.MaxContinuousReleaseMs)
            {
                return false;
            }

            _restUntil = _engagedAt + StrikeSettings.RestAfterCapMs;
            return true;
        }

        private void Engage(long now)
        {
            _engagedAt = now;
            _strike.Release(false);
            _timers.Cancel(TimerId.StrikeRelease);
            State = LockState.Locked;
            OnTimeMs = (int)(now - _releasedAt);
            CompletedLocks++;
            Finished();
        }

        private void Finished()
        {
            if (MoveFinished != null)
            {
                MoveFinished(State, LastAlarm);
            }
        }
    }
}
