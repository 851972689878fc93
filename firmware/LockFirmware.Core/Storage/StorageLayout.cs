namespace LockFirmware.Storage
{
    /// <summary>The lock's files and their sizes (README: persistence and flash budget).</summary>
    public static class StorageLayout
    {
        /// <summary>The safety state's record (files safety.a, safety.b): an 80-byte copy (SafetyState.Size plus AtomicRecord.Overhead, with room to grow).</summary>
        public const string SafetyName = "safety";
        public const int SafetySlotSize = 80;

        /// <summary>The pairing state's record (files pairing.a, pairing.b): a 256-byte copy (PairingState.SlotSize).</summary>
        public const string PairingName = "pairing";

        /// <summary>The audit ring's segment files: audit00 ... audit63.</summary>
        public const string AuditPrefix = "audit";

        /// <summary>
        /// 64 segments of 16 records: 1 008 records always kept (about 50 days at 20 a day).
        /// A segment is 512 bytes, LittleFS's inline limit with esp_littlefs's default 512-byte
        /// cache, so appends are metadata commits.
        /// </summary>
        public const int AuditSegments = 64;
        public const int AuditRecordsPerSegment = 16;

        /// <summary>The unit identity's record (files identity.a, identity.b): a 64-byte copy, written once at production.</summary>
        public const string IdentityName = "identity";
        public const int IdentitySlotSize = 64;
    }
}
