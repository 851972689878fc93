namespace LockFirmware.Ble
{
    /// <summary>First byte of every notification: a response to a command, or an unsolicited event.</summary>
    public static class NoticeKind
    {
        /// <summary>A response carries the command's opcode with this bit set.</summary>
        public const byte ResponseFlag = 0x80;

        /// <summary>The bolt's state changed (after motion finished): state, alarm, battery level.</summary>
        public const byte StateChanged = 0xC1;

        /// <summary>A self-test ended: outcome, loaded millivolts (little-endian 16 bit).</summary>
        public const byte SelfTestFinished = 0xC2;
    }
}
