namespace LockFirmware.Time
{
    /// <summary>The lock logic's one-shot timers; each part owns one slot.</summary>
    public enum TimerId
    {
        ButtonDebounce,
        MotorStep,
        SelfTestStep,
        /// <summary>Held this long, the button opens the pairing window.</summary>
        LongPress,
        /// <summary>Unlocked this long (and the door closed), the lock locks itself again.</summary>
        AutoRelock,
        /// <summary>While the motor or the test load is on, the dispatcher wakes at least this often to check in with the output guard.</summary>
        GuardCheckIn,
        /// <summary>A connected phone must have opened a session, or kept using it, by now.</summary>
        LinkGuard,
        /// <summary>The earliest time the advertised status may be renewed (a BLE stack restart on the device).</summary>
        Advertise,
        /// <summary>A port unit's strike release time is over.</summary>
        StrikeRelease,
        /// <summary>A port unit's door has stood open this long: the held-open alarm.</summary>
        DoorHeldOpen,
        /// <summary>The mains sense has kept its new level this long: the change counts.</summary>
        MainsSettle
    }
}
