namespace LockFirmware.Storage
{
    /// <summary>What an audit record reports. Stable codes: the back office reads them.</summary>
    public enum AuditEvent : byte
    {
        /// <summary>A command was accepted or refused (result holds the ResultCode).</summary>
        Command = 1,
        /// <summary>A move finished (result: LockState; detail: MotorAlarm).</summary>
        MoveFinished = 2,
        /// <summary>A self-test finished (result: SelfTestOutcome).</summary>
        SelfTest = 3,
        /// <summary>A battery change was registered.</summary>
        BatteryChanged = 4,
        /// <summary>Gas risk raised (result: GasRiskCause).</summary>
        GasRisk = 5,
        /// <summary>The unit booted (after every battery insertion).</summary>
        Boot = 6
    }
}
