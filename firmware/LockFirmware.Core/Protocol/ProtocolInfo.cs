namespace LockFirmware.Protocol
{
    /// <summary>Versions the INFO response reports.</summary>
    public static class ProtocolInfo
    {
        public const byte ProtocolVersion = 1;
        public const byte FirmwareMajor = 0;
        public const byte FirmwareMinor = 2;
        public const byte HardwareRevision = 1;

        /// <summary>Commands in a session must come at least this often, or the session closes.</summary>
        public const int SessionIdleTimeoutMs = 30000;

        /// <summary>A long press on the unit opens pairing for this long.</summary>
        public const int PairingWindowMs = 60000;

        /// <summary>Length of MACs on commands and responses.</summary>
        public const int MacLength = 8;

        /// <summary>Length of the lock's session nonce.</summary>
        public const int LockNonceLength = 16;

        /// <summary>Length of the phone's session nonce.</summary>
        public const int PhoneNonceLength = 8;
    }
}
