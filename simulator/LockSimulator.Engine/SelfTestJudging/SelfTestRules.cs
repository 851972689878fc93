using LockFirmware.SelfTest;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// What the judge holds a recording to: the municipal routine's limits (DOMAIN.md, "The
/// push-button self-test"), and where the routine is silent, definitions taken from the
/// firmware's own timing (<see cref="SelfTestTimings"/>) with wide margins, so that the
/// judge checks what a care worker sees rather than the firmware's exact schedule.
/// All times in microseconds from the press.
/// </summary>
public static class SelfTestRules
{
    /// <summary>
    /// A press: the button held for the firmware's debounce time (30 ms), timed from when
    /// that contact closed. Shorter closings are bounces or glitches, and the lock ignores them.
    /// </summary>
    public const long PressHoldUs = SelfTestTimings.DebounceMs * 1000L;

    /// <summary>
    /// LED pulses and dropouts shorter than this are noise (crosstalk, analyser glitches), not
    /// light a person sees: they are removed before anything is judged.
    /// </summary>
    public const long LedGlitchUs = 20_000;

    /// <summary>
    /// "Press the button. The green LED turns on": the routine gives no time, the firmware
    /// lights it on accepting the press (30 ms). A care worker waiting longer than a second
    /// would take the press as failed.
    /// </summary>
    public const long GreenOnLimitUs = 1_000_000;

    /// <summary>"Within 10 seconds the green LED turns off" (the firmware: 4 s).</summary>
    public const long GreenOffLimitUs = 10_000_000;

    /// <summary>"Within 20 seconds the red LED blinks briefly once or twice" (the firmware: from 6 s).</summary>
    public const long RedLimitUs = 20_000_000;

    /// <summary>
    /// A blink is red lit for at least this long: a third of the firmware's 0.30 s
    /// (<see cref="SelfTestTimings.BlinkOnMs"/>), still plainly visible. Shorter light above
    /// the glitch level is a flicker a care worker may miss: not a valid blink.
    /// </summary>
    public const long MinBlinkOnUs = SelfTestTimings.BlinkOnMs * 1000L / 3;

    /// <summary>
    /// A blink is red lit for at most this long: "briefly", and two such blinks with the
    /// firmware's 0.5 s gap (<see cref="SelfTestTimings.BlinkGapMs"/>) still read as two.
    /// Longer is red lit, not blinking.
    /// </summary>
    public const long MaxBlinkOnUs = 1_000_000;
}
