namespace LockFirmware.Battery
{
    /// <summary>The battery classes of the municipal routines. Stable codes.</summary>
    public enum BatteryLevel : byte
    {
        /// <summary>No load measurement yet since boot or battery change.</summary>
        NotMeasured = 0,
        Good = 1,
        /// <summary>"About to become unavailable because of battery level".</summary>
        Low = 2,
        /// <summary>"Unavailable because of battery level": locking refused, reserve kept for unlocking.</summary>
        Critical = 3,
        /// <summary>Completely discharged, gas risk: "needs immediate verification"; the motor is disabled.</summary>
        Depleted = 4
    }
}
