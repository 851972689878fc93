namespace LockFirmware.Storage
{
    /// <summary>What the lock found in its files at power-up.</summary>
    public enum StorageHealth
    {
        /// <summary>The states it saved are there.</summary>
        Intact = 0,

        /// <summary>
        /// No file at all: a new unit, or a file system that nanoFramework found damaged and
        /// formatted at mount (it mounts with format-if-mount-fails; the two look the same).
        /// </summary>
        Blank = 1,

        /// <summary>Some files exist but a state in them is unreadable or missing.</summary>
        Damaged = 2
    }
}
