namespace LockFirmware.Ble
{
    /// <summary>
    /// The two legacy advertising packets a phone sees before it connects: the advertisement and
    /// the scan response, each at most 31 bytes of AD structures (length, type, data; Bluetooth
    /// Core Specification Vol 3 Part C §11). Built explicitly, so that nothing is left to the
    /// BLE library's own packing, which in nanoFramework.Device.Bluetooth 1.1.123
    /// (BluetoothLEAdvertisement.CreateLegacyAdvertisements) fills the advertisement greedily in
    /// section order, puts what does not fit in the scan response and silently drops the rest.
    /// A section that does not fit here is refused, and nothing changes.
    /// </summary>
    public sealed class LegacyAdvertisement
    {
        /// <summary>Largest legacy advertising or scan response payload.</summary>
        public const int MaxPacket = 31;

        /// <summary>AD type: flags.</summary>
        public const byte TypeFlags = 0x01;

        /// <summary>AD type: complete list of 128-bit service UUIDs.</summary>
        public const byte TypeServiceUuids128 = 0x07;

        /// <summary>AD type: complete local name.</summary>
        public const byte TypeCompleteName = 0x09;

        /// <summary>AD type: manufacturer specific data (company identifier first, little-endian).</summary>
        public const byte TypeManufacturerData = 0xFF;

        private readonly byte[] _advertisement = new byte[MaxPacket];
        private readonly byte[] _scanResponse = new byte[MaxPacket];

        /// <summary>The advertisement's bytes; valid up to <see cref="AdvertisementLength"/>.</summary>
        public byte[] Advertisement
        {
            get { return _advertisement; }
        }

        public int AdvertisementLength { get; private set; }

        /// <summary>The scan response's bytes; valid up to <see cref="ScanResponseLength"/>.</summary>
        public byte[] ScanResponse
        {
            get { return _scanResponse; }
        }

        public int ScanResponseLength { get; private set; }

        public void Clear()
        {
            AdvertisementLength = 0;
            ScanResponseLength = 0;
        }

        /// <summary>Appends one AD structure to the advertisement; false (nothing added) when it would pass 31 bytes.</summary>
        public bool AddToAdvertisement(byte type, byte[] data, int offset, int count)
        {
            int length = AdvertisementLength;
            if (!Append(_advertisement, ref length, type, data, offset, count))
            {
                return false;
            }

            AdvertisementLength = length;
            return true;
        }

        /// <summary>Appends one AD structure to the scan response; false (nothing added) when it would pass 31 bytes.</summary>
        public bool AddToScanResponse(byte type, byte[] data, int offset, int count)
        {
            int length = ScanResponseLength;
            if (!Append(_scanResponse, ref length, type, data, offset, count))
            {
                return false;
            }

            ScanResponseLength = length;
            return true;
        }

        /// <summary>
        /// True when nanoFramework 1.1.123's greedy packing, given the sections in the order
        /// built (advertisement, then scan response) with manufacturer data moved last (its
        /// BluetoothLEAdvertisement.MergeManufacturerArray does that), lands every section in
        /// the packet it was built for. The ESP32 adapter can only hand the library sections,
        /// so a layout that fails this would be changed on air.
        /// </summary>
        public bool PacksAsBuilt()
        {
            int room = MaxPacket;
            int scanRoom = MaxPacket;
            for (int pass = 0; pass < 2; pass++)
            {
                bool manufacturerPass = pass == 1;
                if (!Repack(_advertisement, AdvertisementLength, true, manufacturerPass, ref room, ref scanRoom)
                    || !Repack(_scanResponse, ScanResponseLength, false, manufacturerPass, ref room, ref scanRoom))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Repack(byte[] packet, int length, bool builtInAdvertisement, bool manufacturerPass, ref int room, ref int scanRoom)
        {
            for (int at = 0; at < length; at += packet[at] + 1)
            {
                bool manufacturer = packet[at + 1] == TypeManufacturerData;
                if (manufacturer != manufacturerPass)
                {
                    continue;
                }

                int size = packet[at] + 1;
                bool fitsAdvertisement = size <= room;
                if (fitsAdvertisement != builtInAdvertisement)
                {
                    return false;
                }

                if (fitsAdvertisement)
                {
                    room -= size;
                }
                else
                {
                    scanRoom -= size;
                }
            }

            return scanRoom >= 0;
        }

        private static bool Append(byte[] packet, ref int length, byte type, byte[] data, int offset, int count)
        {
            if (count < 0 || length + 2 + count > MaxPacket)
            {
                return false;
            }

            packet[length] = (byte)(count + 1);
            packet[length + 1] = type;
            for (int i = 0; i < count; i++)
            {
                packet[length + 2 + i] = data[offset + i];
            }

            length += 2 + count;
            return true;
        }
    }
}
