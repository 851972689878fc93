namespace LockFirmware.Storage
{
    /// <summary>How the lock's flash region is divided (README: flash budget).</summary>
    public static class StorageLayout
    {
        /// <summary>The safety state's two sectors.</summary>
        public const int ConfigFirstSector = 0;

        /// <summary>The audit ring starts after them and takes the rest of the region.</summary>
        public const int AuditFirstSector = 2;

        /// <summary>Sectors of 4 KiB the region needs: 2 for the state, 14 for the audit ring (64 KiB).</summary>
        public const int RegionSectors = 16;
    }
}
