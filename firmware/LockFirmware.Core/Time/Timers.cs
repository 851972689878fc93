namespace LockFirmware.Time
{
    /// <summary>
    /// One deadline per <see cref="TimerId"/>, in clock milliseconds. The dispatcher asks
    /// for the next deadline and sleeps until then (or until an input arrives), so the
    /// logic needs no OS timers and runs the same in virtual time.
    /// </summary>
    public sealed class Timers
    {
        /// <summary>Returned by <see cref="NextDue"/> when no timer is armed.</summary>
        public const long Never = long.MaxValue;

        /// <summary>One slot per TimerId member.</summary>
        private const int SlotCount = 11;
        private readonly long[] _dueAt = new long[SlotCount];

        public Timers()
        {
            for (int i = 0; i < SlotCount; i++)
            {
                _dueAt[i] = Never;
            }
        }

        public void Start(TimerId id, long dueAt)
        {
            _dueAt[(int)id] = dueAt;
        }

        public void Cancel(TimerId id)
        {
            _dueAt[(int)id] = Never;
        }

        public bool IsArmed(TimerId id)
        {
            return _dueAt[(int)id] != Never;
        }

        public long NextDue
        {
            get
            {
                long next = Never;
                for (int i = 0; i < SlotCount; i++)
                {
                    if (_dueAt[i] < next)
                    {
                        next = _dueAt[i];
                    }
                }

                return next;
            }
        }

        /// <summary>
        /// Disarms and returns the earliest timer due at or before <paramref name="now"/>,
        /// or false when none is due. Earliest first keeps the order of events exact.
        /// </summary>
        public bool TakeDue(long now, out TimerId id)
        {
            int best = -1;
            for (int i = 0; i < SlotCount; i++)
            {
                if (_dueAt[i] <= now && (best < 0 || _dueAt[i] < _dueAt[best]))
                {
                    best = i;
                }
            }

            id = (TimerId)(best < 0 ? 0 : best);
            if (best < 0)
            {
                return false;
            }

            _dueAt[best] = Never;
            return true;
        }
    }
}
