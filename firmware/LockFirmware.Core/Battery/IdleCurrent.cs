namespace LockFirmware.Battery
{
    /// <summary>
    /// The unit's average pack current at rest (chip floor, advertising, regulator and front
    /// end), per chip and nanoFramework image, in microamps: the figures of
    /// hardware/power-budget.md. A board definition puts its image's figure into
    /// <see cref="BatteryProfile.IdleMicroamps"/>; the simulator's BoardBudget derives the same
    /// figures from the state currents and a host test holds the two equal.
    /// </summary>
    public static class IdleCurrent
    {
        /// <summary>Production board, ESP32-C3, our low-power image (light sleep, 32.768 kHz crystal, 1 s advertising).</summary>
        public const int LowPowerC3Microamps = 181;

        /// <summary>Production board, ESP32-S3, our low-power image.</summary>
        public const int LowPowerS3Microamps = 241;

        /// <summary>Bench board, ESP32-C3, nanoFramework's stock BLE image (CPU never sleeps).</summary>
        public const int StockC3Microamps = 13975;

        /// <summary>Bench board, ESP32-S3, nanoFramework's stock BLE image.</summary>
        public const int StockS3Microamps = 23401;
    }
}
