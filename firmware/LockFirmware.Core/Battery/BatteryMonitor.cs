namespace LockFirmware.Battery
{
    /// <summary>
    /// Classifies the battery from its voltage under load (a motor move or the self-test
    /// load), with hysteresis so the warning does not flap around a limit. Depleted is
    /// latched: only a new battery (or an installer's verification) clears it.
    /// Seam for the battery issue: recovery after load, internal resistance, consumed
    /// charge and the persisted gas-risk flag deepen this class.
    /// </summary>
    public sealed class BatteryMonitor
    {
        private readonly BatteryProfile _profile;

        public BatteryMonitor(BatteryProfile profile)
        {
            _profile = profile;
            Level = BatteryLevel.NotMeasured;
        }

        public BatteryLevel Level { get; private set; }

        /// <summary>The last voltage measured under load (0 before any).</summary>
        public int LastLoadedMillivolts { get; private set; }

        /// <summary>Takes one measurement under load and returns the resulting level.</summary>
        public BatteryLevel OnLoadedSample(int millivolts)
        {
            LastLoadedMillivolts = millivolts;
            BatteryLevel raw = Classify(millivolts, 0);
            if (Level == BatteryLevel.Depleted)
            {
                return Level;
            }

            if (Level == BatteryLevel.NotMeasured || raw > Level)
            {
                // Worse news is taken at once.
                Level = raw;
            }
            else if (raw < Level)
            {
                // Better news only with margin above the limit (never worse than now).
                Level = Classify(millivolts, _profile.HysteresisMillivolts);
            }

            return Level;
        }

        private BatteryLevel Classify(int millivolts, int margin)
        {
            if (millivolts < _profile.DepletedBelowMillivolts + margin)
            {
                return BatteryLevel.Depleted;
            }

            if (millivolts < _profile.CriticalBelowMillivolts + margin)
            {
                return BatteryLevel.Critical;
            }

            if (millivolts < _profile.LowBelowMillivolts + margin)
            {
                return BatteryLevel.Low;
            }

            return BatteryLevel.Good;
        }
    }
}
