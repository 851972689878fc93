namespace LockFirmware.Ble
{
    /// <summary>First byte of a reassembled message (docs/PROTOCOL.md, "Messages").</summary>
    public static class MessageType
    {
        /// <summary>Serial, hardware, firmware and protocol versions; no authentication.</summary>
        public const byte Info = 0x01;

        /// <summary>Opens a session: a credential and the phone's nonce.</summary>
        public const byte Hello = 0x02;

        /// <summary>A command inside a session, with its counter and MAC.</summary>
        public const byte Command = 0x03;

        /// <summary>Gives an unpaired lock its secret; only while the pairing window is open.</summary>
        public const byte Pair = 0x04;

        /// <summary>A time token signed by the backend.</summary>
        public const byte SetTime = 0x05;

        /// <summary>Writes the unit's identity at production (serial, factory key, ADC calibration); once.</summary>
        public const byte Provision = 0x06;

        /// <summary>
        /// The answer to what the lock cannot attribute to a known request: a broken transport
        /// (then: Error, BadFrame) or an unknown type (then: Error, UnknownMessage, the type).
        /// </summary>
        public const byte Error = 0x80;

        /// <summary>A response carries its request's type with this bit set.</summary>
        public const byte ResponseFlag = 0x80;

        /// <summary>An unsolicited event (state change, self-test result, alarm).</summary>
        public const byte Event = 0xC0;
    }
}
