namespace LockFirmware.Ble
{
    /// <summary>Stable result codes of responses (docs/PROTOCOL.md lists when each is used).</summary>
    public enum ResultCode : byte
    {
        Ok = 0x00,
        /// <summary>The bolt was already at the requested end; nothing moved.</summary>
        AlreadyThere = 0x01,
        /// <summary>A move to the same end is under way; no second move.</summary>
        AlreadyMoving = 0x02,
        /// <summary>A message of the wrong size or shape.</summary>
        BadFrame = 0x10,
        /// <summary>A MAC or credential tag that does not match.</summary>
        BadMac = 0x11,
        /// <summary>A command counter that is not the next one: a replay or reordering.</summary>
        Replayed = 0x12,
        UnknownOpcode = 0x13,
        /// <summary>Refused by the battery policy (Critical refuses locking, Depleted any move; a mains-fed unit on mains is never refused).</summary>
        RefusedBattery = 0x14,
        /// <summary>The lock has no secret yet (stock unit).</summary>
        NotPaired = 0x15,
        /// <summary>The credential names another lock.</summary>
        WrongLock = 0x16,
        /// <summary>Outside the credential's validity window by the lock's clock.</summary>
        OutsideWindow = 0x17,
        /// <summary>Outside the credential's weekly schedule.</summary>
        OutsideSchedule = 0x18,
        Revoked = 0x19,
        /// <summary>The lock's clock is unknown (after power loss): send a time token first.</summary>
        ClockUnknown = 0x1A,
        /// <summary>Too many failures: wait and retry (back-off).</summary>
        BackOff = 0x1B,
        /// <summary>No session, or it timed out: say Hello first.</summary>
        NoSession = 0x1C,
        /// <summary>The credential's role may not do this.</summary>
        RoleNotAllowed = 0x1D,
        /// <summary>A time token below the lock's high-water mark minus the tolerance.</summary>
        TimeRejected = 0x1F,
        /// <summary>Pairing needs the window opened by a long press on the unit, or the unit is paired.</summary>
        PairingClosed = 0x20,
        /// <summary>The revocation list has no room: re-pair the lock (a new secret voids every credential).</summary>
        RevocationListFull = 0x21,
        /// <summary>A staff-level time token further ahead of the lock's time than a staff token may move it.</summary>
        TimeNeedsInstaller = 0x22,
        /// <summary>A message type the lock does not know (answered with the Error type, never as an event).</summary>
        UnknownMessage = 0x23,
        /// <summary>The unit has no factory identity yet: PROVISION it first.</summary>
        NotProvisioned = 0x24,
        /// <summary>PROVISION on a unit that already has its identity: it is written once.</summary>
        AlreadyProvisioned = 0x25,
        /// <summary>
        /// A strike unit's Unlock while the building's supply is lost and its strike is not on a
        /// backed-up supply: the coil could not pull in, so nothing is released.
        /// </summary>
        NoStrikeSupply = 0x26,
        /// <summary>
        /// PAIR with the secret the unit holds or the one of its pairing before: it would clear the
        /// revocations without voiding the credentials issued under that secret. Nothing changes.
        /// </summary>
        SecretReused = 0x27
    }
}
