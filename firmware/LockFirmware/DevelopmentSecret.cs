namespace LockFirmware.Device
{
    /// <summary>
    /// The bench unit's lock secret until pairing exists (BLE protocol issue): pairing will
    /// write a per-lock secret to flash and this class goes away. Never ship an image with it.
    /// </summary>
    internal static class DevelopmentSecret
    {
        public static byte[] Bytes()
        {
            // "bench-lock-secret-do-not-ship!!!" as ASCII: 32 bytes, the HMAC-SHA256 block-friendly size.
            return System.Text.Encoding.UTF8.GetBytes("bench-lock-secret-do-not-ship!!!");
        }
    }
}
