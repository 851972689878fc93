using System.Collections.Generic;
using System.Linq;
using LockSimulator.Tracing;
using static LockSimulator.SelfTestJudging.Durations;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Judges a recording of the push-button self-test against the municipal routine, not
/// against the firmware's own timings: from the press (the button's first closing) the green
/// LED turns on, goes off within 10 s, then the red LED blinks once or twice within 20 s.
/// </summary>
/// <remarks>
/// A blink is a rising edge of red, after green went on, whose high level holds for at least
/// <see cref="MinPulseUs"/>; the LEDs are read with pulses and dropouts shorter than that
/// removed (<see cref="DigitalSignal.WithoutPulsesShorterThan"/>), so crosstalk spikes or
/// analyser noise are not blinks and a flicker inside a blink does not split it in two. A
/// blink a person can see lasts far longer (the firmware's lasts 300 ms). The button is read
/// raw: the press is when the contact first closes, bounces included.
/// </remarks>
public static class SelfTestJudge
{
    public const long MinPulseUs = 20_000;
    public const long GreenOnExpectedUs = 100_000;
    public const long GreenOnLimitUs = 1_000_000;
    public const long GreenOffLimitUs = 10_000_000;
    public const long BlinkLimitUs = 20_000_000;

    public const string Press = "press";
    public const string GreenOn = "green on";
    public const string GreenOff = "green off";
    public const string RedBlinks = "red blinks";

    public const string NoBlinkText = "no red blink: battery may be completely discharged — do not change it, report to service";

    public static SelfTestVerdict Judge(SelfTestRecording recording)
    {
        DigitalSignal green = recording.Green.WithoutPulsesShorterThan(MinPulseUs);
        DigitalSignal red = recording.Red.WithoutPulsesShorterThan(MinPulseUs);
        if (FirstEdge(recording.Button, true, 0) is not long press)
        {
            return new SelfTestVerdict(
            [
                Fail(Press, "no button press in the recording"),
                NotJudged(GreenOn, "no press"),
                NotJudged(GreenOff, "no press"),
                NotJudged(RedBlinks, "no press"),
            ]);
        }

        StepResult pressed = Pass(Press, $"button closed {Seconds(press)} into the recording");
        if (FirstEdge(green, true, press) is not long greenOn)
        {
            string before = green.LevelAt(press) ? " (it was already on before)" : "";
            return new SelfTestVerdict(
            [
                pressed,
                Fail(GreenOn, $"green never turned on after the press{before}"),
                NotJudged(GreenOff, "green never turned on"),
                NotJudged(RedBlinks, "green never turned on"),
            ]);
        }

        return new SelfTestVerdict(
        [
            pressed,
            JudgeGreenOn(greenOn - press),
            JudgeGreenOff(FirstEdge(green, false, greenOn) - press, recording.EndUs - press),
            JudgeRed(red, press, greenOn, recording.EndUs - press),
        ]);
    }

    private static StepResult JudgeGreenOn(long delay)
    {
        if (delay > GreenOnLimitUs)
        {
            return Fail(GreenOn, $"green on too late: {Milliseconds(delay)} after the press (limit 1 s)");
        }

        string slow = delay > GreenOnExpectedUs ? "slow: well under 100 ms expected; " : "";
        return Pass(GreenOn, $"green on {Milliseconds(delay)} after the press ({slow}limit 1 s)");
    }

    /// <param name="off">When green went off, after the press; null if it never did.</param>
    /// <param name="recorded">How long the recording ran after the press.</param>
    private static StepResult JudgeGreenOff(long? off, long recorded)
    {
        if (off is not long offAfter)
        {
            return Fail(GreenOff, recorded < GreenOffLimitUs
                ? $"green still on when the recording ended {Seconds(recorded)} after the press (it must cover 10 s)"
                : $"green never went off (still on {Seconds(recorded)} after the press; limit 10 s)");
        }

        return offAfter > GreenOffLimitUs
            ? Fail(GreenOff, $"late green-off: green went off {Seconds(offAfter)} after the press (limit 10 s)")
            : Pass(GreenOff, $"green off {Seconds(offAfter)} after the press (limit 10 s)");
    }

    private static StepResult JudgeRed(DigitalSignal red, long press, long greenOn, long recorded)
    {
        List<long> blinks = red.Changes.Where(c => c.Level && c.TimeUs >= greenOn).Select(c => c.TimeUs - press).ToList();
        string at = string.Join(", ", blinks.Select(Seconds));
        if (blinks.Any(b => b > BlinkLimitUs))
        {
            return Fail(RedBlinks, $"red too late: blink {Seconds(blinks.First(b => b > BlinkLimitUs))} after the press (limit 20 s)");
        }

        if (recorded < BlinkLimitUs)
        {
            return Fail(RedBlinks, $"the recording ends {Seconds(recorded)} after the press: it must cover 20 s to count the blinks");
        }

        if (red.LevelAt(press + BlinkLimitUs))
        {
            return Fail(RedBlinks, "red still on 20 s after the press: not a brief blink");
        }

        return blinks.Count switch
        {
            0 => Fail(RedBlinks, NoBlinkText),
            1 => Pass(RedBlinks, $"1 blink, {at} after the press (limit 20 s): battery good"),
            2 => Pass(RedBlinks, $"2 blinks, {at} after the press (limit 20 s): battery low but not completely discharged"),
            _ => Fail(RedBlinks, $"{blinks.Count} red blinks ({at} after the press): not a valid answer, once or twice expected"),
        };
    }

    /// <summary>The first change to <paramref name="level"/> at or after <paramref name="fromUs"/>.</summary>
    private static long? FirstEdge(DigitalSignal signal, bool level, long fromUs) =>
        signal.Changes.Where(c => c.Level == level && c.TimeUs >= fromUs).Select(c => (long?)c.TimeUs).FirstOrDefault();

    private static StepResult Pass(string step, string detail) => new(step, StepStatus.Pass, detail);

    private static StepResult Fail(string step, string detail) => new(step, StepStatus.Fail, detail);

    private static StepResult NotJudged(string step, string why) => new(step, StepStatus.NotJudged, "not judged: " + why);
}
