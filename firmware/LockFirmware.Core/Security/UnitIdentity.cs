namespace LockFirmware.Security
{
    /// <summary>
    /// What production writes into a unit once (PROVISION, docs/PROTOCOL.md): the serial number
    /// printed on it, its factory key (the back office keeps a copy by serial number and seals
    /// the pairing secret with it) and the ADC calibration factor measured on the line.
    /// </summary>
    public sealed class UnitIdentity
    {
        public const int SerialLength = 8;
        public const int FactoryKeyLength = 32;

        /// <summary>The ADC calibration factor when none was measured: 1.0 in parts per 10 000.</summary>
        public const int UnitCalibration = 10000;

        /// <summary>Accepted calibration factors: ±50 % covers every chip's Vref spread with margin.</summary>
        public const int MinCalibration = 5000;
        public const int MaxCalibration = 15000;

        /// <summary>Bytes Encode writes: provisioned(1) serial(8) factory key(32) calibration(2).</summary>
        public const int EncodedLength = 1 + SerialLength + FactoryKeyLength + 2;

        private const int ProvisionedOffset = 0;
        private const int SerialOffset = 1;
        private const int KeyOffset = SerialOffset + SerialLength;
        private const int CalibrationOffset = KeyOffset + FactoryKeyLength;

        /// <summary>Serial number, printable ASCII.</summary>
        public readonly byte[] Serial = new byte[SerialLength];

        /// <summary>Never leaves the unit after PROVISION; only derived keys are used.</summary>
        public readonly byte[] FactoryKey = new byte[FactoryKeyLength];

        public bool Provisioned;

        /// <summary>
        /// Measured ADC reading correction in parts per 10 000 (10 000 = none): the ADC adapter
        /// multiplies its millivolts by AdcCalibration / 10 000.
        /// </summary>
        public int AdcCalibration = UnitCalibration;

        public void Encode(byte[] payload)
        {
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = 0xFF;
            }

            payload[ProvisionedOffset] = (byte)(Provisioned ? 1 : 0);
            Copy(Serial, 0, payload, SerialOffset, SerialLength);
            Copy(FactoryKey, 0, payload, KeyOffset, FactoryKeyLength);
            Bytes.WriteUInt16(payload, CalibrationOffset, AdcCalibration);
        }

        public void Decode(byte[] payload)
        {
            Provisioned = payload[ProvisionedOffset] == 1;
            Copy(payload, SerialOffset, Serial, 0, SerialLength);
            Copy(payload, KeyOffset, FactoryKey, 0, FactoryKeyLength);
            AdcCalibration = Bytes.ReadUInt16(payload, CalibrationOffset);
        }

        /// <summary>
        /// Reads PROVISION's fields (serial, key, calibration) at offset; false, and nothing
        /// changed, when the serial is not printable ASCII, the calibration out of range, or
        /// the key one repeated byte (an erased or zeroed buffer, not a key).
        /// </summary>
        public bool TryRead(byte[] buffer, int offset)
        {
            for (int i = 0; i < SerialLength; i++)
            {
                byte c = buffer[offset + i];
                if (c < 0x20 || c > 0x7E)
                {
                    return false;
                }
            }

            int calibration = Bytes.ReadUInt16(buffer, offset + SerialLength + FactoryKeyLength);
            if (calibration < MinCalibration || calibration > MaxCalibration)
            {
                return false;
            }

            int key = offset + SerialLength;
            bool repeated = true;
            for (int i = 1; i < FactoryKeyLength; i++)
            {
                repeated = repeated && buffer[key + i] == buffer[key];
            }

            if (repeated)
            {
                return false;
            }

            Copy(buffer, offset, Serial, 0, SerialLength);
            Copy(buffer, key, FactoryKey, 0, FactoryKeyLength);
            AdcCalibration = calibration;
            Provisioned = true;
            return true;
        }

        private static void Copy(byte[] from, int fromOffset, byte[] to, int toOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                to[toOffset + i] = from[fromOffset + i];
            }
        }
    }
}
