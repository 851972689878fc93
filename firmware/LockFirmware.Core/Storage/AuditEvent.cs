namespace LockFirmware.Storage
{
    /// <summary>What an audit record reports. Stable codes: the back office reads them.</summary>
    public enum AuditEvent : byte
    {
        /// <summary>An authenticated command ran (result: ResultCode; detail: Opcode; key and user ids: who).</summary>
        Command = 1,
        /// <summary>A move finished (result: LockState; detail: MotorAlarm).</summary>
        MoveFinished = 2,
        /// <summary>A self-test finished (result: SelfTestOutcome).</summary>
        SelfTest = 3,
        /// <summary>A battery change was registered.</summary>
        BatteryChanged = 4,
        /// <summary>Gas risk raised (result: GasRiskCause).</summary>
        GasRisk = 5,
        /// <summary>The unit booted: a battery insertion, a brown-out or a crash (detail: boot count).</summary>
        Boot = 6,
        /// <summary>An attempt was refused (result: ResultCode; key and user when the credential was genuine).</summary>
        Refused = 7,
        /// <summary>Too many failed authentications in a row (detail: how many).</summary>
        Tamper = 8,
        /// <summary>The unit was paired (detail: lock id).</summary>
        Paired = 9,
        /// <summary>The unit was unpaired and went back to stock (detail: old lock id).</summary>
        Unpaired = 10,
        /// <summary>The auto-relock timer asked for a lock.</summary>
        AutoRelock = 11,
        /// <summary>At power-up the lock's files were blank or damaged (result: StorageHealth): it started as a stock unit, unpaired.</summary>
        MemoryReset = 12,
        /// <summary>The lock's software failed and was contained (result: FaultKind; detail: faults so far).</summary>
        Fault = 13,
        /// <summary>A port unit's door opened during a release: the entry is confirmed (detail: ms since the release).</summary>
        Entry = 14,
        /// <summary>A port unit's door stood open past its time: the held-open alarm (detail: the time allowed, ms).</summary>
        DoorHeldOpen = 15,
        /// <summary>A mains-fed unit lost the building's supply and runs on its backup (result: battery level).</summary>
        MainsLost = 16,
        /// <summary>The building's supply came back (result: battery level; detail: seconds it was gone).</summary>
        MainsRestored = 17,
        /// <summary>A mains-fed unit's backup pack measured Low or worse (result: battery level).</summary>
        BackupLow = 18
    }
}
