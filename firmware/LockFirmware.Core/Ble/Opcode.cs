namespace LockFirmware.Ble
{
    /// <summary>Commands inside a session, and the least role each needs (docs/PROTOCOL.md).</summary>
    public enum Opcode : byte
    {
        /// <summary>Staff: state, alarm, battery, warnings, counters.</summary>
        Status = 0x01,
        /// <summary>Staff.</summary>
        Unlock = 0x02,
        /// <summary>Staff.</summary>
        Lock = 0x03,
        /// <summary>Staff: runs the push-button self-test; the result comes as an event.</summary>
        RunSelfTest = 0x04,
        /// <summary>Staff ("register battery change"); installer when a gas risk is latched.</summary>
        RegisterBatteryChange = 0x05,
        /// <summary>Staff: audit records from a sequence number (payload uint32).</summary>
        ReadAudit = 0x06,
        /// <summary>Staff: the backend has the records up to a sequence number (payload uint32).</summary>
        AcknowledgeAudit = 0x07,
        /// <summary>Admin: key ids (uint32 each) that must no longer open the lock.</summary>
        RevokeKeys = 0x08,
        /// <summary>Admin: wipes the secret and revocations; the unit goes back to stock.</summary>
        Unpair = 0x09
    }
}
