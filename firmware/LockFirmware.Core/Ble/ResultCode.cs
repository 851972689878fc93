namespace LockFirmware.Ble
{
    /// <summary>Stable result codes of command responses.</summary>
    public enum ResultCode : byte
    {
        Ok = 0x00,
        /// <summary>The bolt was already at the requested end; nothing moved.</summary>
        AlreadyThere = 0x01,
        /// <summary>A move to the same end is under way; no second move.</summary>
        AlreadyMoving = 0x02,
        /// <summary>Too short or too long to be a frame.</summary>
        BadFrame = 0x10,
        /// <summary>The authentication tag does not match.</summary>
        BadMac = 0x11,
        /// <summary>The counter is not above the last accepted one: a replay or reordering.</summary>
        Replayed = 0x12,
        UnknownOpcode = 0x13,
        /// <summary>Refused by the battery policy (Critical refuses locking, Depleted any move).</summary>
        RefusedBattery = 0x14
    }
}
