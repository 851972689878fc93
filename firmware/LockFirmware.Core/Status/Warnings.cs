namespace LockFirmware.Status
{
    /// <summary>
    /// The back office's warnings as stable bits of the status (DOMAIN.md, "What the back
    /// office shows per lock"), plus the battery-change verification.
    /// </summary>
    public static class Warnings
    {
        /// <summary>Unavailable because of battery level (Critical or Depleted).</summary>
        public const int BatteryUnavailable = 0x01;

        /// <summary>About to become unavailable because of battery level (Low).</summary>
        public const int BatteryAboutToBeUnavailable = 0x02;

        /// <summary>Needs immediate verification by a test run: suspected complete discharge (gas risk).</summary>
        public const int NeedsImmediateVerification = 0x04;

        /// <summary>Needs an update of critical software (set by the update issue; never raised yet).</summary>
        public const int NeedsCriticalSoftwareUpdate = 0x08;

        /// <summary>A battery was changed and has not yet completed its 5 locks and 5 unlocks.</summary>
        public const int BatteryNotVerified = 0x10;

        /// <summary>Many failed authentications in a row: someone may be trying keys.</summary>
        public const int Tamper = 0x20;

        /// <summary>The lock found its memory blank or damaged at power-up and started unpaired (a new unit, or its file system was wiped); stands until the backend acknowledges the audit record saying so.</summary>
        public const int MemoryReset = 0x80;

        /// <summary>A mains-fed unit has lost the building's supply and runs on its backup pack (status, second warnings byte).</summary>
        public const int MainsLost = 0x100;

        /// <summary>A mains-fed unit's backup pack is Low or worse: it will not carry the unit through a long outage (status, second warnings byte).</summary>
        public const int BackupLow = 0x200;
    }
}
