namespace LockFirmware.Ble
{
    /// <summary>Command opcodes of the skeleton frame (docs/PROTOCOL.md will grow the set).</summary>
    public enum Opcode : byte
    {
        Status = 0x01,
        Unlock = 0x02,
        Lock = 0x03,
        /// <summary>Runs the push-button self-test from the app; the result comes as an event.</summary>
        RunSelfTest = 0x04,
        /// <summary>The app's "register battery change": starts the 5 + 5 verification.</summary>
        RegisterBatteryChange = 0x05,
        /// <summary>The backend has the audit records up to the payload's sequence number (uint32).</summary>
        AcknowledgeAudit = 0x07
    }
}
