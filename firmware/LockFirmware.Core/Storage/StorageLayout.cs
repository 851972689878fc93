namespace LockFirmware.Storage
{
    /// <summary>How the lock's flash region is divided (README: flash budget).</summary>
    public static class StorageLayout
    {
        /// <summary>The safety state's two sectors (64-byte copies).</summary>
        public const int SafetyFirstSector = 0;
        public const int SafetySlotSize = 64;

        /// <summary>The pairing state's two sectors (256-byte copies).</summary>
        public const int PairingFirstSector = 2;

        /// <summary>The unit identity's two sectors (64-byte copies), written once at production.</summary>
        public const int IdentityFirstSector = 4;
        public const int IdentitySlotSize = 64;

        /// <summary>The audit ring starts after them and takes the rest of the region.</summary>
        public const int AuditFirstSector = 6;

        /// <summary>Sectors of 4 KiB the region needs: 2 + 2 + 2 for the states and the identity, 12 for the audit ring (72 KiB).</summary>
        public const int RegionSectors = 18;
    }
}
