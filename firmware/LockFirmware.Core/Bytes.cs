namespace LockFirmware
{
    /// <summary>Little-endian integers in byte arrays, and the erased-flash check.</summary>
    public static class Bytes
    {
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | buffer[offset + 1] << 8 | buffer[offset + 2] << 16 | buffer[offset + 3] << 24);
        }

        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | buffer[offset + 1] << 8;
        }

        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>True when every byte is 0xFF: never programmed since the last erase.</summary>
        public static bool IsErased(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
