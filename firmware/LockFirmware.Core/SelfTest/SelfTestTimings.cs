namespace LockFirmware.SelfTest
{
    /// <summary>
    /// When each step of the push-button self-test happens, in milliseconds after the
    /// debounced press. The routine's limits are upper bounds (green off within 10 s, red
    /// blinks within 20 s); these values keep wide margins under both. README documents them.
    /// </summary>
    public static class SelfTestTimings
    {
        /// <summary>
        /// The contact must stay closed this long to count as a press. Three 10 ms FreeRTOS
        /// ticks: on the board the timer ends on a tick and the dispatcher may wake up to a
        /// 20 ms quantum later, so a press is accepted 30-60 ms after the last bounce, well
        /// inside the routine's "at once".
        /// </summary>
        public const int DebounceMs = 30;

        /// <summary>
        /// The test load is applied at the press and sampled after this long under load:
        /// long enough for a passivated cell's sag to recover.
        /// </summary>
        public const int LoadSampleMs = 1500;

        /// <summary>The load is off at LoadSampleMs; this much later a healthy pack has recovered.</summary>
        public const int RecoverySampleMs = 2500;

        /// <summary>The green LED goes off here: 6 s inside the 10 s limit.</summary>
        public const int GreenOffMs = 4000;

        /// <summary>The first red blink starts here.</summary>
        public const int FirstBlinkMs = 6000;

        /// <summary>Each red blink is on this long: long enough to see, short enough to count.</summary>
        public const int BlinkOnMs = 300;

        /// <summary>Dark time between two blinks.</summary>
        public const int BlinkGapMs = 500;
    }
}
