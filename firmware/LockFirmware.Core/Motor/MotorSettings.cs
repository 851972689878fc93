namespace LockFirmware.Motor
{
    /// <summary>
    /// Timing and current limits of one thumb-turn unit. Values come from the board's
    /// motor and mechanism (see hardware/); the firmware's board definition fills them in.
    /// Times are milliseconds, currents milliamps, voltages millivolts, resistance milliohms.
    /// </summary>
    public sealed class MotorSettings
    {
        /// <summary>How often the current is sampled while the motor runs.</summary>
        public int StepMs = 5;

        /// <summary>Samples are ignored this long after start: the inrush looks like a stall.</summary>
        public int InrushBlankingMs = 80;

        /// <summary>Shortest plausible end-to-end travel at <see cref="NominalMillivolts"/>; a stall before it is a jam.</summary>
        public int MinTravelMs = 500;

        /// <summary>Longest plausible travel at <see cref="NominalMillivolts"/>; no end stop by then is a jam.</summary>
        public int TravelTimeoutMs = 3000;

        /// <summary>Absolute motor-on limit of one command, retries and back-offs included.</summary>
        public int MaxOnTimeMs = 9000;

        /// <summary>Supply voltage the travel times above were measured at.</summary>
        public int NominalMillivolts = 7200;

        /// <summary>Motor winding plus bridge resistance: stall current = supply / this.</summary>
        public int StallResistanceMilliohms = 5400;

        /// <summary>Fraction (per mille) of the stall current at the present voltage that counts as stalled.</summary>
        public int StallThresholdPermille = 700;

        /// <summary>Consecutive stalled samples needed, so a short bump is not an end stop.</summary>
        public int StallSamples = 3;

        /// <summary>Below this current with the bridge on (after blanking) the circuit is open.</summary>
        public int OpenCircuitMilliamps = 15;

        /// <summary>Above this the bridge or wiring is shorted (well above any real stall).</summary>
        public int OverCurrentMilliamps = 2500;

        /// <summary>Battery voltage under motor load below which the move is abandoned.</summary>
        public int CutOffMillivolts = 4400;

        /// <summary>Reverse drive after a stall, to free the mechanism before a retry.</summary>
        public int BackOffMs = 150;

        /// <summary>Retries after the first attempt before settling in Jammed.</summary>
        public int JamRetries = 2;

        /// <summary>Short reverse after the end stop to take the tension off the cylinder; 0 disables.</summary>
        public int TensionReleaseMs = 15;

        /// <summary>Brake time between phases, so the motor is stopped before it is reversed.</summary>
        public int BrakeMs = 20;
    }
}
