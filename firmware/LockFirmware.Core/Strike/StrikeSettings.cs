namespace LockFirmware.Strike
{
    /// <summary>How long a port unit's strike stays released and when an open door is an alarm.</summary>
    public sealed class StrikeSettings
    {
        /// <summary>
        /// No release lasts longer than this, whatever the settings say: a door opener for a
        /// wheelchair user needs about 15 s; beyond 20 s the entrance is simply open.
        /// </summary>
        public const int MaxReleaseMs = 20000;

        /// <summary>One release lasts this long unless the door has opened and closed first (capped at <see cref="MaxReleaseMs"/>).</summary>
        public int ReleaseMs = 5000;

        /// <summary>
        /// The door standing open this long raises the held-open alarm and an audit record
        /// (door-held-open alarms of access control systems are typically set to 30-120 s).
        /// </summary>
        public int HeldOpenMs = 60000;
    }
}
