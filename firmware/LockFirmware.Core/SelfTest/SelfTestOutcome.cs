namespace LockFirmware.SelfTest
{
    /// <summary>What the push-button self-test found. Stable codes (BLE and audit log).</summary>
    public enum SelfTestOutcome : byte
    {
        /// <summary>No self-test has finished since boot.</summary>
        None = 0,
        /// <summary>One red blink: the battery is good.</summary>
        BatteryGood = 1,
        /// <summary>Two red blinks: the battery is low but not completely discharged; change it as normal.</summary>
        BatteryLow = 2,
        /// <summary>No red blink: the battery may be completely discharged; do not change it, report to service.</summary>
        BatteryDepleted = 3
    }
}
