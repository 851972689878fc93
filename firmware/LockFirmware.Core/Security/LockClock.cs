namespace LockFirmware.Security
{
    /// <summary>
    /// Wall time by the lock's own reckoning: a Unix-seconds anchor set by a backend-signed
    /// time token, advanced by the monotonic tick. After a power loss the time is unknown
    /// until a token arrives (credentials cannot be checked, so sessions are refused with
    /// ClockUnknown); a lower bound kept in flash stops a replayed old token from moving the
    /// clock back more than the tolerance.
    /// </summary>
    public sealed class LockClock
    {
        /// <summary>How far a token may set the clock back (drift between phones and the lock).</summary>
        public const uint ToleranceSeconds = 300;

        private uint _anchorUnix;
        private long _anchorTicks;

        public bool IsKnown { get; private set; }

        /// <summary>Latest time the lock has known; persisted by the owner.</summary>
        public uint LowerBound { get; set; }

        public uint Now(long ticks)
        {
            uint now = _anchorUnix + (uint)((ticks - _anchorTicks) / 1000);
            if (now > LowerBound)
            {
                LowerBound = now;
            }

            return now;
        }

        /// <summary>Takes a verified token's time unless it would go back beyond the tolerance.</summary>
        public bool Set(uint unixSeconds, long ticks)
        {
            uint reference = IsKnown ? Now(ticks) : LowerBound;
            if (unixSeconds + ToleranceSeconds < reference)
            {
                return false;
            }

            _anchorUnix = unixSeconds;
            _anchorTicks = ticks;
            IsKnown = true;
            if (unixSeconds > LowerBound)
            {
                LowerBound = unixSeconds;
            }

            return true;
        }
    }
}
