namespace LockFirmware.Ble
{
    /// <summary>
    /// The first byte of every BLE write and notification: flags and the fragment's index
    /// within its message (docs/PROTOCOL.md, "Transport"). Messages are cut into fragments
    /// that fit the ATT payload: 20 bytes by default, more after an MTU exchange.
    /// </summary>
    public static class Fragment
    {
        public const byte First = 0x80;
        public const byte Last = 0x40;
        public const byte IndexMask = 0x3F;

        /// <summary>Largest message, after reassembly.</summary>
        public const int MaxMessage = 255;

        /// <summary>A message whose next fragment does not come within this time is dropped.</summary>
        public const int TimeoutMs = 2000;

        /// <summary>The ATT payload without an MTU exchange (23 - 3).</summary>
        public const int DefaultPayload = 20;

        /// <summary>
        /// The largest ATT payload a phone can negotiate with the lock: NimBLE's preferred MTU is
        /// 256 in ESP-IDF (CONFIG_BT_NIMBLE_ATT_PREFERRED_MTU's default; nanoFramework's ESP32
        /// sdkconfig files leave it), and the MTU of a connection is the lower of the two peers'.
        /// </summary>
        public const int MaxPayload = 256 - 3;
    }
}
