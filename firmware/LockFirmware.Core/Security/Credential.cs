namespace LockFirmware.Security
{
    /// <summary>
    /// A staff member's credential for one lock, issued by the backend (docs/PROTOCOL.md,
    /// "Credential"): 28 bytes of fields and a 12-byte tag = HMAC(lock secret, "LOCK-CRED" ||
    /// fields). The phone also holds the credential key HMAC(lock secret, "LOCK-KEY" ||
    /// credential), which the lock derives itself and never sends. One instance is reused.
    /// </summary>
    public sealed class Credential
    {
        public const int Size = 40;
        public const int FieldsLength = 28;
        public const int TagLength = 12;

        public uint LockId;
        public uint KeyId;
        public uint UserId;
        public Role Role;
        public byte Organisation;

        /// <summary>Days the credential may be used, bit 0 = Monday; 0 = every day, any time.</summary>
        public byte WeekdayMask;

        /// <summary>Daily window in minutes after midnight UTC (start inclusive, end exclusive).</summary>
        public int DayStartMinute;
        public int DayEndMinute;

        /// <summary>Validity window, Unix seconds (from inclusive, until exclusive).</summary>
        public uint ValidFrom;
        public uint ValidUntil;

        public void Read(byte[] buffer, int offset)
        {
            LockId = Bytes.ReadUInt32(buffer, offset);
            KeyId = Bytes.ReadUInt32(buffer, offset + 4);
            UserId = Bytes.ReadUInt32(buffer, offset + 8);
            Role = (Role)buffer[offset + 12];
            Organisation = buffer[offset + 13];
            WeekdayMask = buffer[offset + 14];
            DayStartMinute = Bytes.ReadUInt16(buffer, offset + 16);
            DayEndMinute = Bytes.ReadUInt16(buffer, offset + 18);
            ValidFrom = Bytes.ReadUInt32(buffer, offset + 20);
            ValidUntil = Bytes.ReadUInt32(buffer, offset + 24);
        }

        /// <summary>True when <paramref name="unixSeconds"/> is inside the validity window and the weekly schedule.</summary>
        public bool IsInWindow(uint unixSeconds)
        {
            return unixSeconds >= ValidFrom && unixSeconds < ValidUntil;
        }

        public bool IsInSchedule(uint unixSeconds)
        {
            if (WeekdayMask == 0)
            {
                return true;
            }

            uint days = unixSeconds / 86400;
            // 1970-01-01 was a Thursday: Monday-based weekday index 3.
            int weekday = (int)((days + 3) % 7);
            int minute = (int)(unixSeconds % 86400 / 60);
            return (WeekdayMask & (1 << weekday)) != 0 && minute >= DayStartMinute && minute < DayEndMinute;
        }
    }
}
