namespace LockSimulator.Server.Phone;

/// <summary>The whole app operations a virtual staff phone performs.</summary>
public enum PhoneOperation
{
    Unlock,
    Lock,
    Status,

    /// <summary>Status, then ReadAudit until the lock has no more, then AcknowledgeAudit: what the app uploads.</summary>
    Sync,
    SelfTest,
    BatteryChange,
}
