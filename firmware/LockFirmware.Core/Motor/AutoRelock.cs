using LockFirmware.Time;

namespace LockFirmware.Motor
{
    /// <summary>
    /// Optional auto-relock, with what users asked other vendors for: the timer starts only
    /// when an unlock has really finished; while the door sensor says open nothing relocks, and
    /// closing the door restarts the full delay; an unlock that is undone (by a lock, a jam, a
    /// new command) cancels it; a lock that is already locked is left alone. The relock itself
    /// is an ordinary lock request, so "Locked" is reported only when the bolt is there.
    /// </summary>
    public sealed class AutoRelock
    {
        private readonly Timers _timers;
        private readonly int _delayMs;
        private bool _doorOpen;

        public AutoRelock(Timers timers, int delayMs)
        {
            _timers = timers;
            _delayMs = delayMs;
        }

        public bool IsEnabled
        {
            get { return _delayMs > 0; }
        }

        /// <summary>A move finished: arm after an unlock, disarm otherwise.</summary>
        public void OnMoveFinished(LockState state, long now)
        {
            if (IsEnabled && state == LockState.Unlocked && !_doorOpen)
            {
                _timers.Start(TimerId.AutoRelock, now + _delayMs);
            }
            else
            {
                _timers.Cancel(TimerId.AutoRelock);
            }
        }

        /// <summary>A new command takes over: whatever it asked for, the pending relock is void.</summary>
        public void OnCommand()
        {
            _timers.Cancel(TimerId.AutoRelock);
        }

        public void OnDoor(bool open, LockState state, long now)
        {
            _doorOpen = open;
            if (open)
            {
                _timers.Cancel(TimerId.AutoRelock);
            }
            else if (IsEnabled && state == LockState.Unlocked)
            {
                _timers.Start(TimerId.AutoRelock, now + _delayMs);
            }
        }

        /// <summary>The timer fired: relock only an unlocked lock behind a closed door.</summary>
        public bool ShouldRelock(LockState state)
        {
            return IsEnabled && !_doorOpen && state == LockState.Unlocked;
        }
    }
}
