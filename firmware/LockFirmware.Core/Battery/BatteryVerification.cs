namespace LockFirmware.Battery
{
    /// <summary>
    /// The routine after every battery change: the level "cannot be ensured" until the lock has
    /// completed at least five locks and five unlocks with a healthy voltage under load
    /// (which also wakes passivated lithium thionyl chloride cells).
    /// </summary>
    public sealed class BatteryVerification
    {
        /// <summary>Cycles of each direction the routine asks for.</summary>
        public const int RequiredCycles = 5;

        /// <summary>At boot: the progress kept in flash, when the battery is the same as before the power went.</summary>
        public void Restore(bool verified, int healthyLocks, int healthyUnlocks)
        {
            IsVerified = verified;
            HealthyLocks = healthyLocks;
            HealthyUnlocks = healthyUnlocks;
        }

        public bool IsVerified { get; private set; }

        public int HealthyLocks { get; private set; }

        public int HealthyUnlocks { get; private set; }

        public void Start()
        {
            IsVerified = false;
            HealthyLocks = 0;
            HealthyUnlocks = 0;
        }

        /// <summary>A move completed; it counts when the battery held up under it.</summary>
        public void OnCycle(bool locked, BatteryLevel level)
        {
            if (IsVerified || level == BatteryLevel.Critical || level == BatteryLevel.Depleted)
            {
                return;
            }

            if (locked)
            {
                HealthyLocks++;
            }
            else
            {
                HealthyUnlocks++;
            }

            IsVerified = HealthyLocks >= RequiredCycles && HealthyUnlocks >= RequiredCycles;
        }
    }
}
