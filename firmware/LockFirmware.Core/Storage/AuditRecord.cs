namespace LockFirmware.Storage
{
    /// <summary>
    /// Layout of one 32-byte audit record, little-endian. The CRC covers everything before
    /// it: LittleFS commits a record whole or not at all, but it does not checksum file data
    /// (littlefs DESIGN.md), so a record damaged in flash is never read back as valid.
    /// </summary>
    public static class AuditRecord
    {
        public const int Size = 32;
        public const int SequenceOffset = 0;
        public const int TimeOffset = 4;
        public const int EventOffset = 8;
        public const int ResultOffset = 9;
        public const int BatteryMillivoltsOffset = 10;
        public const int KeyIdOffset = 12;
        public const int UserIdOffset = 16;
        public const int MotorOnTimeOffset = 20;
        public const int DetailOffset = 22;
        public const int CrcOffset = 28;

        /// <summary>True when the record at offset carries a matching CRC.</summary>
        public static bool IsValid(byte[] buffer, int offset)
        {
            return Crc32.Compute(buffer, offset, CrcOffset) == Bytes.ReadUInt32(buffer, offset + CrcOffset);
        }

        public static void Seal(byte[] buffer, int offset)
        {
            Bytes.WriteUInt32(buffer, offset + CrcOffset, Crc32.Compute(buffer, offset, CrcOffset));
        }

        public static uint Sequence(byte[] buffer, int offset)
        {
            return Bytes.ReadUInt32(buffer, offset + SequenceOffset);
        }
    }
}
