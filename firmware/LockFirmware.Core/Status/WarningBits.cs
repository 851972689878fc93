using LockFirmware.Battery;

namespace LockFirmware.Status
{
    /// <summary>
    /// Derives the back office's warning bits from the battery's state, the supply and the tamper
    /// alarm. On a mains-fed unit whose supply is there, the pack is only the backup: its level
    /// makes the unit neither unavailable nor about to be (it opens on mains), and shows as
    /// BackupLow instead; with the supply gone the pack feeds the unit and its level counts as
    /// on a door unit, beside MainsLost.
    /// </summary>
    public static class WarningBits
    {
        public static int Of(BatteryMonitor battery, BatteryVerification verification, bool tamper, MainsSupply mains)
        {
            int warnings = 0;
            BatteryLevel level = battery.Level;
            if (mains.OnBattery)
            {
                if (level == BatteryLevel.Critical || level == BatteryLevel.Depleted)
                {
                    warnings |= Warnings.BatteryUnavailable;
                }

                if (level == BatteryLevel.Low)
                {
                    warnings |= Warnings.BatteryAboutToBeUnavailable;
                }
            }

            if (mains.Lost)
            {
                warnings |= Warnings.MainsLost;
            }

            if (mains.Fed && level >= BatteryLevel.Low)
            {
                warnings |= Warnings.BackupLow;
            }

            if (battery.GasRisk != GasRiskCause.None)
            {
                warnings |= Warnings.NeedsImmediateVerification;
            }

            if (!verification.IsVerified)
            {
                warnings |= Warnings.BatteryNotVerified;
            }

            if (tamper)
            {
                warnings |= Warnings.Tamper;
            }

            return warnings;
        }
    }
}
