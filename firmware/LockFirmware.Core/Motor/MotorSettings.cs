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

        /// <summary>
        /// Back-EMF integrated over one full travel, in millivolt-seconds: the motor's
        /// constant × gear ratio × travel angle (0.0052 V·s/rad × 200 × 4.71 rad for the
        /// reference unit, hardware/units/thumb-turn-unit.md). The controller integrates
        /// (supply − current × resistance) while driving, so it knows how far the thumb-turn
        /// has turned whatever the friction or the battery.
        /// </summary>
        public int FullTravelMillivoltSeconds = 4900;

        /// <summary>
        /// A stall after this share (per mille) of the full travel is the end stop; earlier it
        /// is a jam. The bolt is thrown in the middle of the travel, so the last part is slack.
        /// </summary>
        public int EndStopMinTravelPermille = 850;

        /// <summary>Longest plausible travel at <see cref="NominalMillivolts"/> (it stretches as the supply sags); no end stop by then is a jam.</summary>
        public int TravelTimeoutMs = 3000;

        /// <summary>Absolute motor-on limit of one command, retries and back-offs included.</summary>
        public int MaxOnTimeMs = 9000;

        /// <summary>Supply voltage the travel timeout above was set for.</summary>
        public int NominalMillivolts = 7200;

        /// <summary>Motor winding plus bridge resistance: stall current = supply / this.</summary>
        public int StallResistanceMilliohms = 5400;

        /// <summary>Fraction (per mille) of the stall current at the present voltage that counts as stalled.</summary>
        public int StallThresholdPermille = 800;

        /// <summary>
        /// A stall counts once the current has stayed at stall level this long (over at least
        /// two samples), so a short bump is not an end stop. Defined in time, not in samples:
        /// on the board a step lands on a 10 ms FreeRTOS tick, not every StepMs.
        /// </summary>
        public int StallConfirmMs = 10;

        /// <summary>
        /// How late a step may land on the board: one FreeRTOS tick (10 ms) plus the CLR's
        /// 20 ms thread quantum, with margin. The motor-on limit keeps this much in hand, so a
        /// late step cannot carry a move past MaxOnTimeMs.
        /// </summary>
        public int StepLatenessMs = 40;

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

        /// <summary>Soft start (boards with PWM): the duty ramps from SoftStartFromPermille to full over this time.</summary>
        public int SoftStartMs = 60;

        /// <summary>Duty at the first instant of a soft start, per mille.</summary>
        public int SoftStartFromPermille = 300;

        /// <summary>Brake time between phases, so the motor is stopped before it is reversed.</summary>
        public int BrakeMs = 20;
    }
}
