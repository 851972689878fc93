namespace LockFirmware.Ble
{
    /// <summary>Command opcodes of the skeleton frame (docs/PROTOCOL.md will grow the set).</summary>
    public enum Opcode : byte
    {
        Status = 0x01,
        Unlock = 0x02,
        Lock = 0x03
    }
}
