namespace LockFirmware.Ble
{
    /// <summary>
    /// What the lock advertises (docs/PROTOCOL.md, "Advertising"). Advertisement (27 bytes):
    /// flags, the lock service's 128-bit UUID (so phones can filter scans on it), manufacturer
    /// data with the status byte. Scan response (15 bytes): the name "Lock " + serial.
    /// </summary>
    public static class LockAdvertisement
    {
        /// <summary>LE General Discoverable, BR/EDR not supported.</summary>
        public const byte DiscoverableFlags = 0x06;

        /// <summary>
        /// Bluetooth SIG company identifier in the manufacturer data. 0xFFFF is the value the SIG
        /// reserves for tests before a company has its own; a shipped product needs the maker's.
        /// </summary>
        public const int CompanyId = 0xFFFF;

        /// <summary>Manufacturer data: company (2, little-endian), protocol version, status flags.</summary>
        public const int ManufacturerDataLength = 4;

        /// <summary>
        /// The lock service UUID b7e69052-cdb8-40a1-b69f-401152f0de0e as it goes on air (the
        /// 128-bit number little-endian). Esp32/GattLockService.ServiceUuid is the same UUID.
        /// </summary>
        public static readonly byte[] ServiceUuid =
        {
            0x0E, 0xDE, 0xF0, 0x52, 0x11, 0x40, 0x9F, 0xB6, 0xA1, 0x40, 0xB8, 0xCD, 0x52, 0x90, 0xE6, 0xB7
        };

        private static readonly byte[] NamePrefix = { (byte)'L', (byte)'o', (byte)'c', (byte)'k', (byte)' ' };

        /// <summary>
        /// Fills <paramref name="packets"/> with the lock's advertisement; <paramref name="scratch"/>
        /// (at least 13 bytes) is the caller's, so this allocates nothing. False when it does not fit.
        /// </summary>
        public static bool Build(LegacyAdvertisement packets, byte status, byte version, byte[] serial8, byte[] scratch)
        {
            packets.Clear();
            scratch[0] = DiscoverableFlags;
            if (!packets.AddToAdvertisement(LegacyAdvertisement.TypeFlags, scratch, 0, 1)
                || !packets.AddToAdvertisement(LegacyAdvertisement.TypeServiceUuids128, ServiceUuid, 0, ServiceUuid.Length))
            {
                return false;
            }

            scratch[0] = (byte)(CompanyId & 0xFF);
            scratch[1] = (byte)(CompanyId >> 8);
            scratch[2] = version;
            scratch[3] = status;
            if (!packets.AddToAdvertisement(LegacyAdvertisement.TypeManufacturerData, scratch, 0, ManufacturerDataLength))
            {
                return false;
            }

            for (int i = 0; i < NamePrefix.Length; i++)
            {
                scratch[i] = NamePrefix[i];
            }

            for (int i = 0; i < 8; i++)
            {
                scratch[NamePrefix.Length + i] = serial8[i];
            }

            return packets.AddToScanResponse(LegacyAdvertisement.TypeCompleteName, scratch, 0, NamePrefix.Length + 8);
        }
    }
}
