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

        /// <summary>
        /// No chain of unlocks holds the strike released longer than this from the chain's first
        /// release: each unlock during a release restarts its time, up to here, and a release that
        /// starts within <see cref="RestAfterCapMs"/> of an engagement belongs to the same chain. A single release stays far
        /// inside an intermittent-duty solenoid's rated on-time (2-3 min, Magnet-Schultz's
        /// definition of intermittent duty); a chain held at the cap keeps the coil on ~97 % of the
        /// time, which only a continuous-duty strike takes: the port unit's (hardware/boards/port-unit.md,
        /// "The strike's figures").
        /// </summary>
        public const int MaxContinuousReleaseMs = 30000;

        /// <summary>
        /// After a release ended at <see cref="MaxContinuousReleaseMs"/> the strike stays engaged
        /// this long before an unlock releases it again: twenty times the keeper's spring return
        /// (~50 ms), so the keeper is home and a closed door is latched; an unlock meanwhile is
        /// answered Ok and releases when the rest is over.
        /// </summary>
        public const int RestAfterCapMs = 1000;

        /// <summary>One release lasts this long unless the door has opened and closed first (capped at <see cref="MaxReleaseMs"/>).</summary>
        public int ReleaseMs = 5000;

        /// <summary>
        /// The door standing open this long raises the held-open alarm and an audit record
        /// (door-held-open alarms of access control systems are typically set to 30-120 s).
        /// </summary>
        public int HeldOpenMs = 60000;
    }
}
