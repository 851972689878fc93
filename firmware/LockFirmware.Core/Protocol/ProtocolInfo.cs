namespace LockFirmware.Protocol
{
    /// <summary>Versions the INFO response reports, and the protocol's fixed sizes and times.</summary>
    public static class ProtocolInfo
    {
        public const byte ProtocolVersion = 2;
        public const byte FirmwareMajor = 0;
        public const byte FirmwareMinor = 3;
        public const byte HardwareRevision = 1;

        /// <summary>INFO flag bits (byte 6).</summary>
        public const byte InfoPaired = 0x01;
        public const byte InfoProvisioned = 0x02;
        public const byte InfoPairingOpen = 0x04;

        /// <summary>Commands in a session must come at least this often, or the session closes.</summary>
        public const int SessionIdleTimeoutMs = 30000;

        /// <summary>A long press on the unit opens pairing for this long.</summary>
        public const int PairingWindowMs = 60000;

        /// <summary>Length of MACs on commands, responses and events.</summary>
        public const int MacLength = 8;

        /// <summary>Length of the MAC that authenticates PAIR.</summary>
        public const int PairMacLength = 16;

        /// <summary>Length of the lock's session nonce.</summary>
        public const int LockNonceLength = 16;

        /// <summary>Length of the phone's session nonce.</summary>
        public const int PhoneNonceLength = 8;

        /// <summary>Length of the nonce a pairing window is opened with (INFO reports it).</summary>
        public const int PairingNonceLength = 16;
    }
}
