using LockFirmware.Battery;

namespace LockFirmware.Status
{
    /// <summary>Derives the back office's warning bits from the battery's state and the tamper alarm.</summary>
    public static class WarningBits
    {
        public static int Of(BatteryMonitor battery, BatteryVerification verification, bool tamper)
        {
            int warnings = 0;
            BatteryLevel level = battery.Level;
            if (level == BatteryLevel.Critical || level == BatteryLevel.Depleted)
            {
                warnings |= Warnings.BatteryUnavailable;
            }

            if (level == BatteryLevel.Low)
            {
                warnings |= Warnings.BatteryAboutToBeUnavailable;
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
