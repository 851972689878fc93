namespace LockFirmware.Safety
{
    /// <summary>What failed in the lock's own software. Stable codes: they go into the audit log.</summary>
    public enum FaultKind : byte
    {
        None = 0,
        /// <summary>The output guard stopped the motor or the test load: the lock logic did not check in within its bound.</summary>
        Guard = 1,
        /// <summary>A dispatcher round threw.</summary>
        Round = 2,
        /// <summary>An adapter's callback (button, BLE, timer) threw.</summary>
        Callback = 3
    }
}
