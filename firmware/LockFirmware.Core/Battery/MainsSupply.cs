using LockFirmware.Time;

namespace LockFirmware.Battery
{
    /// <summary>
    /// A mains-fed unit's supply as the lock sees it through its sense input (a power-good
    /// signal from the building's supply: hardware/boards/port-unit.md, "Power"). The first
    /// report after start-up counts at once; a later change counts once the input has kept its
    /// new level for <see cref="SettleMs"/>, so a flickering supply writes no burst of audit
    /// records. Until the first report the unit is taken to run on its pack. A door unit is not
    /// mains-fed: it always runs on its pack and this never reports anything.
    /// </summary>
    public sealed class MainsSupply
    {
        /// <summary>A change of the supply counts after this long (a mains dip the supply's own capacitors ride through is shorter).</summary>
        public const int SettleMs = 2000;

        private readonly Timers _timers;
        private bool _sensed;
        private long _lostAt;

        public MainsSupply(bool fed, Timers timers)
        {
            Fed = fed;
            _timers = timers;
        }

        /// <summary>The unit is built to be fed from the building's supply, with its pack as the backup.</summary>
        public bool Fed { get; private set; }

        /// <summary>The sense input has reported since start-up.</summary>
        public bool Known { get; private set; }

        /// <summary>The supply is there (settled).</summary>
        public bool Present { get; private set; }

        /// <summary>The unit runs on its pack: a door unit always; a mains-fed one unless its supply is known to be there.</summary>
        public bool OnBattery
        {
            get { return !(Fed && Known && Present); }
        }

        /// <summary>A mains-fed unit whose supply is known to be gone: the MainsLost warning.</summary>
        public bool Lost
        {
            get { return Fed && Known && !Present; }
        }

        /// <summary>
        /// The sense input says the supply is gone right now, settled or not: what a strike coil
        /// on that supply has this instant (a mains-fed unit after its first report only).
        /// </summary>
        public bool SensedLost
        {
            get { return Fed && Known && !_sensed; }
        }

        /// <summary>The sense input's level; true when the settled state changed now (the first report, when it says lost).</summary>
        public bool OnSense(bool present, long now)
        {
            if (!Fed)
            {
                return false;
            }

            _sensed = present;
            if (!Known)
            {
                Known = true;
                Present = present;
                _lostAt = now;
                return !present;
            }

            if (present == Present)
            {
                _timers.Cancel(TimerId.MainsSettle);
            }
            else
            {
                _timers.Start(TimerId.MainsSettle, now + SettleMs);
            }

            return false;
        }

        /// <summary>The MainsSettle timer fired; true when the supply's state changed now.</summary>
        public bool OnSettled(long now)
        {
            if (!Known || _sensed == Present)
            {
                return false;
            }

            Present = _sensed;
            if (!Present)
            {
                // The supply went when the input first changed, a settle time ago.
                _lostAt = now - SettleMs;
            }

            return true;
        }

        /// <summary>Seconds since the supply went (the MainsRestored record's detail).</summary>
        public uint LostForSeconds(long now)
        {
            return (uint)((now - _lostAt) / 1000);
        }
    }
}
