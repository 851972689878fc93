namespace LockFirmware.Motor
{
    /// <summary>Why the last move failed. Stable codes: they go out over BLE and into the audit log.</summary>
    public enum MotorAlarm : byte
    {
        None = 0,
        /// <summary>The bolt stalled or never reached its end while locking.</summary>
        JammedWhileLocking = 1,
        /// <summary>The bolt stalled or never reached its end while unlocking.</summary>
        JammedWhileUnlocking = 2,
        /// <summary>No current flowed with the bridge on: a broken wire or motor.</summary>
        OpenCircuit = 3,
        /// <summary>More current than the motor can draw at this voltage: a short.</summary>
        OverCurrent = 4,
        /// <summary>The battery sagged below the motor's cut-off under load.</summary>
        LowSupply = 5,
        /// <summary>The absolute motor-on limit cut the move off.</summary>
        MaxOnTime = 6,
        /// <summary>The independent output guard stopped the motor: the lock logic did not check in within its bound.</summary>
        Guard = 7,
        /// <summary>A port unit's door has stood open longer than allowed; clears when it closes.</summary>
        DoorHeldOpen = 8
    }
}
