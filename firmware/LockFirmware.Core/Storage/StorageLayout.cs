namespace LockFirmware.Storage
{
    /// <summary>The lock's files and their sizes (README: persistence and flash budget).</summary>
    public static class StorageLayout
    {
        /// <summary>The safety state's record (files safety.a, safety.b): an 80-byte copy (SafetyState.Size plus AtomicRecord.Overhead, with room to grow).</summary>
        public const string SafetyName = "safety";
        public const int SafetySlotSize = 80;

        /// <summary>The pairing state's record (files pairing.a, pairing.b): a 96-byte copy (PairingState.SlotSize).</summary>
        public const string PairingName = "pairing";

        /// <summary>
        /// The revoked key ids' record (files revoked.a, revoked.b): the pairing generation they
        /// belong to (4), the count (2), then 4 bytes per id of the unit's capacity
        /// (RevocationList.CapacityFor): a 146-byte copy on a door unit, kept inline by LittleFS;
        /// 1 042 bytes on a port unit, which LittleFS keeps in a data block of its own (a save
        /// rewrites that block: README, "Persistence").
        /// </summary>
        public const string RevokedName = "revoked";
        public const int RevokedHeader = 6;

        /// <summary>The audit ring's segment files: audit00 ... audit63 (a port unit's go on to audit127).</summary>
        public const string AuditPrefix = "audit";

        /// <summary>
        /// 64 segments of 16 records: 1 008 records always kept (about 50 days at 20 a day).
        /// A segment is 512 bytes, LittleFS's inline limit with esp_littlefs's default 512-byte
        /// cache, so appends are metadata commits.
        /// </summary>
        public const int AuditSegments = 64;

        /// <summary>
        /// A port or laundry-room unit's ring: 128 segments, 2 032 records always kept. A worst-case
        /// day at a 60-flat building (every flat with home care at 4 visits, 20 home health care
        /// visits: 260 visits of 4 records) writes 1 040 records, more than a door unit's ring
        /// holds; this one keeps nearly two such days unacknowledged (hardware/boards/port-unit.md,
        /// "Capacity for a building"). Its files, ~70 KiB inline, fit the 2 MiB config partition.
        /// </summary>
        public const int BuildingAuditSegments = 128;
        public const int AuditRecordsPerSegment = 16;

        /// <summary>The unit identity's record (files identity.a, identity.b): a 64-byte copy, written once at production.</summary>
        public const string IdentityName = "identity";
        public const int IdentitySlotSize = 64;
    }
}
