namespace LockFirmware.Battery
{
    /// <summary>
    /// Voltage limits of one battery pack under load, in millivolts. The figures for each
    /// pack and where they come from are in hardware/ (the board definition fills them in).
    /// </summary>
    public sealed class BatteryProfile
    {
        /// <summary>Under load at or above this the pack is Good.</summary>
        public int LowBelowMillivolts = 6400;

        /// <summary>Under load below this the pack is Critical.</summary>
        public int CriticalBelowMillivolts = 5600;

        /// <summary>Under load below this the pack is completely discharged (over-discharge limit).</summary>
        public int DepletedBelowMillivolts = 4000;

        /// <summary>A better class is taken only this far above its limit, so a level near a limit does not flap.</summary>
        public int HysteresisMillivolts = 150;
    }
}
