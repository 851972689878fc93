using LockFirmware.SelfTest;
using LockSimulator.SelfTestJudging;
using static LockSimulator.SelfTestJudging.Durations;
using static LockSimulator.SelfTestJudging.SelfTestRules;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// What <c>selftest --help</c> adds below the generated option list: the two ways to run it, the
/// map syntax, what the judge counts, and the exit codes.
/// </summary>
public static class SelfTestHelp
{
    public static string Notes()
    {
        var defaults = new ChannelMap();
        return $"""
            Judges the push-button self-test against the routine: press the button; the green LED
            turns on; within 10 s it turns off; within 20 s the red LED blinks briefly once or
            twice. Every press in a recording is judged on its own; the recording fails if any does.

            Two ways to run it:
              selftest --battery {string.Join('|', SelfTestBatteries.Names)} [--vcd FILE] [--junit FILE] [--report FILE.html]
              selftest --trace FILE.vcd [--map ROLE=CHANNEL[:low],...] [--junit FILE] [--report FILE.html]

            A rig's recording (--trace, --map):
              capture with sigrok-cli ... -O vcd -o FILE; the file is read unchanged and streamed,
              so a long capture at a high sample rate needs little memory.
              --map default: button={defaults.Button},green={defaults.Green},red={defaults.Red} (the simulator's names)
              CHANNEL is a full name (libsigrok.D0) or its last part (D0) if only one channel ends so;
              :low marks an active-low line (pressed or lit pulls it to 0), e.g.
              --map button=D0:low,green=D1,red=D2:low    (a role left out keeps its default)

            What the judge counts:
              press   the button held {Seconds(PressHoldUs)} (the lock's debounce), timed from when that contact closed;
                      shorter closings (bounces, glitches) are ignored. A press less than {Seconds(RedLimitUs)} after the
                      one being judged starts a new test only if the lock answered it (green lit again);
                      otherwise the lock ignored it and it is listed under the earlier press.
              glitch  LED pulses and dropouts shorter than {Seconds(LedGlitchUs)} are noise and removed.
              green   on within {Seconds(GreenOnLimitUs)} of the press, off within {Seconds(GreenOffLimitUs)}; red stays dark until green is off.
              blink   red lit {Seconds(MinBlinkOnUs)} to {Seconds(MaxBlinkOnUs)} (the firmware's: {Seconds(SelfTestTimings.BlinkOnMs * 1000L)}), starting after green went off
                      and at most {Seconds(RedLimitUs)} after the press. One blink: battery good; two: low; none: FAIL.
              times   seconds after the press, two decimals, rounded away from the limit they are judged against.

            Exit codes:
              0  PASS      the battery is not completely discharged and may be changed as normal
              1  FAIL      the routine did not run as it must: do not change the battery yourself,
                           report the lock to service; each FAIL names the rule and the measured time
              2  unusable  no verdict: bad arguments, not a VCD file, a channel missing, no press, the button
                           pressed from the start, or a recording that ends before a verdict is due

            """;
    }
}
