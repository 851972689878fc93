namespace LockFirmware.Tests.Fakes
{
    /// <summary>Hex and ASCII test data as byte arrays, and byte ranges as hex for readable asserts.</summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Upper- or lower-case hex digits, two per byte, nothing else.</summary>
        public static byte[] Bytes(string hex)
        {
            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(Digit(hex[2 * i]) << 4 | Digit(hex[2 * i + 1]));
            }

            return bytes;
        }

        public static string Of(byte[] bytes, int offset, int count)
        {
            char[] text = new char[2 * count];
            for (int i = 0; i < count; i++)
            {
                byte value = bytes[offset + i];
                text[2 * i] = Digits[value >> 4];
                text[2 * i + 1] = Digits[value & 0x0F];
            }

            return new string(text);
        }

        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>A uint32 as the protocol writes it: little-endian.</summary>
        public static byte[] Le32(uint value)
        {
            byte[] bytes = new byte[4];
            LockFirmware.Bytes.WriteUInt32(bytes, 0, value);
            return bytes;
        }

        /// <summary>count copies of one byte.</summary>
        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        private static int Digit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            return (c | 0x20) - 'a' + 10;
        }
    }
}
