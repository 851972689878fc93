namespace LockFirmware.Safety
{
    /// <summary>The output guard's second stage, shared by the board's guard and the simulator's.</summary>
    public static class GuardTimings
    {
        /// <summary>
        /// After a trip the guard waits this long for the lock logic to check in again (it does
        /// after a long flash commit or GC pause); if it never does, the dispatcher is hung and
        /// the guard restarts the unit.
        /// </summary>
        public const int RestartAfterTripMs = 2000;
    }
}
