namespace LockFirmware.Ble
{
    /// <summary>
    /// Layout of the walking skeleton's command frame, one BLE write of at most 20 bytes:
    /// <c>opcode(1) counter(4, little-endian) payload(0..7) tag(8)</c>, where the tag is the
    /// first 8 bytes of HMAC-SHA256(lock secret, opcode..payload). The BLE protocol issue
    /// replaces it with credentials, sessions and fragmentation (docs/PROTOCOL.md).
    /// </summary>
    public static class CommandFrame
    {
        public const int OpcodeOffset = 0;
        public const int CounterOffset = 1;
        public const int PayloadOffset = 5;
        public const int TagLength = 8;
        public const int MinLength = PayloadOffset + TagLength;

        /// <summary>The default ATT payload: a frame must fit one write without an MTU exchange.</summary>
        public const int MaxLength = 20;
    }
}
