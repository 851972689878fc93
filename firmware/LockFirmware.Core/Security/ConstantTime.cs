namespace LockFirmware.Security
{
    /// <summary>Comparisons whose duration does not depend on where the bytes differ.</summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True when the two ranges are equal. Every byte is visited whatever the data, so
        /// timing does not reveal how many leading bytes of a forged tag were right
        /// (nanoFramework has no built-in fixed-time compare).
        /// </summary>
        public static bool Equals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
