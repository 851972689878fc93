using System.Collections.Generic;
using System.Linq;
using LockSimulator.Tracing;
using static LockSimulator.SelfTestJudging.Durations;
using static LockSimulator.SelfTestJudging.SelfTestRules;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Judges one press over its part of the recording, rule by rule: green on within 1 s, green
/// off within 10 s, the order (green on, green off, then red), and one or two blinks within
/// 20 s. A rule fails as soon as the recording shows it broken; a rule the recording ends
/// too early to decide is unusable, never a fail.
/// </summary>
internal sealed class PressJudge
{
    private readonly SelfTestRecording _r;
    private readonly long _press;
    private readonly long _end;
    private readonly string _ending;

    private PressJudge(SelfTestRecording r, long press, long end, string ending)
    {
        _r = r;
        _press = press;
        _end = end;
        _ending = ending;
    }

    /// <param name="r">The cleaned recording.</param>
    /// <param name="press">When the press's contact closed.</param>
    /// <param name="end">Where this press's part of the recording ends.</param>
    /// <param name="ending">What ends it, in words: "the recording ends".</param>
    public static PressVerdict Judge(SelfTestRecording r, int number, long press, long end, string ending, IReadOnlyList<long> ignored) =>
        new PressJudge(r, press, end, ending).Judge(number, ignored);

    private PressVerdict Judge(int number, IReadOnlyList<long> ignored)
    {
        var steps = new List<StepResult>();
        string? battery = null;
        if (_r.Green.LevelAt(_press))
        {
            long litAt = _r.Green.Changes.Last(c => c.Level && c.TimeUs <= _press).TimeUs;
            steps.Add(Fail(StepResult.GreenOn, $"green was already lit at the press, since {Seconds(_press - litAt)} before it, so it did not turn on " +
                "(if the LED pulls its line low when lit, map it as green=CHANNEL:low)"));
            NotJudged(steps, "green did not turn on at the press", StepResult.GreenOff, StepResult.Order, StepResult.RedBlinks);
            return new PressVerdict(number, _press, _end, steps, ignored, null);
        }

        long? greenOn = Edge(_r.Green, true, _press);
        steps.Add(JudgeGreenOn(greenOn));
        if (greenOn is not long on)
        {
            NotJudged(steps, "green never turned on", StepResult.GreenOff, StepResult.Order, StepResult.RedBlinks);
            return new PressVerdict(number, _press, _end, steps, ignored, null);
        }

        long? greenOff = Edge(_r.Green, false, on);
        steps.Add(JudgeGreenOff(greenOff));
        steps.Add(JudgeOrder(on, greenOff));
        if (greenOff is long off)
        {
            steps.Add(JudgeRed(off, out battery));
        }
        else
        {
            NotJudged(steps, "green never went off", StepResult.RedBlinks);
        }

        return new PressVerdict(number, _press, _end, steps, ignored, battery);
    }

    private StepResult JudgeGreenOn(long? greenOn)
    {
        const string limit = "limit 1.00 s";
        if (greenOn is long on)
        {
            long after = on - _press;
            return after > GreenOnLimitUs
                ? Fail(StepResult.GreenOn, $"green turned on {Seconds(after, GreenOnLimitUs)} after the press ({limit})")
                : Pass(StepResult.GreenOn, $"green on {Seconds(after, GreenOnLimitUs)} after the press ({limit})");
        }

        return _end - _press > GreenOnLimitUs
            ? Fail(StepResult.GreenOn, $"green did not turn on: still dark when {_ending} {Seconds(_end - _press)} after the press ({limit})")
            : Unusable(StepResult.GreenOn, $"{_ending} {Seconds(_end - _press)} after the press, before green turned on; its verdict is due at 1.00 s");
    }

    private StepResult JudgeGreenOff(long? greenOff)
    {
        const string limit = "limit 10.00 s";
        if (greenOff is long off)
        {
            long after = off - _press;
            return after > GreenOffLimitUs
                ? Fail(StepResult.GreenOff, $"green went off {Seconds(after, GreenOffLimitUs)} after the press ({limit})")
                : Pass(StepResult.GreenOff, $"green off {Seconds(after, GreenOffLimitUs)} after the press ({limit})");
        }

        return _end - _press > GreenOffLimitUs
            ? Fail(StepResult.GreenOff, $"green never went off: still lit when {_ending} {Seconds(_end - _press, GreenOffLimitUs)} after the press ({limit})")
            : Unusable(StepResult.GreenOff, $"{_ending} {Seconds(_end - _press)} after the press with green still lit; its verdict is due at 10.00 s");
    }

    /// <summary>No red from the press until green is off, and green lit only once.</summary>
    private StepResult JudgeOrder(long greenOn, long? greenOff)
    {
        const string routine = "the routine is green on, green off, then red";
        if (Edge(_r.Red, true, _press) is long red && red < (greenOff ?? _end))
        {
            string when = red < greenOn ? "before green turned on" : "while green was still lit";
            return Fail(StepResult.Order, $"red lit {Seconds(red - _press)} after the press, {when}: {routine}");
        }

        if (greenOff is long off && Edge(_r.Green, true, off) is long again && again < _end)
        {
            return Fail(StepResult.Order, $"green lit again {Seconds(again - _press)} after the press without a new press: {routine}");
        }

        return Pass(StepResult.Order, "red stayed dark while green was lit; green lit once");
    }

    /// <summary>
    /// The red pulses that start after green went off; the verdict is due at 20 s, later if a
    /// pulse is still lit then. What the blinks say about the battery is left to the press's
    /// verdict, so that no line reads "battery good" above a FAIL of another rule.
    /// </summary>
    private StepResult JudgeRed(long greenOff, out string? battery)
    {
        battery = null;
        var blinks = new List<(long Start, long On)>();
        foreach ((long start, long? stop) in Pulses(_r.Red, greenOff))
        {
            long at = start - _press;
            long on = (stop ?? _end) - start;
            if (at > RedLimitUs)
            {
                return Fail(StepResult.RedBlinks, $"red lit {Seconds(at, RedLimitUs)} after the press (limit 20.00 s)");
            }

            if (on > MaxBlinkOnUs)
            {
                string lit = stop == null ? $"still lit {Seconds(on, MaxBlinkOnUs)} later when {_ending}" : $"lit for {Seconds(on, MaxBlinkOnUs)}";
                return Fail(StepResult.RedBlinks, $"red on {Seconds(at)} after the press and {lit}: not a brief blink (a blink is 0.10–1.00 s)");
            }

            if (stop == null)
            {
                return Unusable(StepResult.RedBlinks, $"{_ending} {Seconds(_end - _press)} after the press while red is lit; the blink's length decides");
            }

            if (on < MinBlinkOnUs)
            {
                return Fail(StepResult.RedBlinks, $"red lit only {Seconds(on, MinBlinkOnUs)} at {Seconds(at)} after the press: too short to see as a blink (a blink is 0.10–1.00 s)");
            }

            blinks.Add((at, on));
        }

        string times = string.Join(" and ", blinks.Select(b => Seconds(b.Start, RedLimitUs)));
        string lengths = string.Join(" and ", blinks.Select(b => Seconds(b.On)));
        if (blinks.Count > 2)
        {
            return Fail(StepResult.RedBlinks, $"{blinks.Count} red blinks, at {times} after the press: the routine gives once or twice");
        }

        if (_end - _press < RedLimitUs)
        {
            return Unusable(StepResult.RedBlinks, $"{_ending} {Seconds(_end - _press)} after the press; its verdict is due at 20.00 s");
        }

        switch (blinks.Count)
        {
            case 0:
                return Fail(StepResult.RedBlinks, "no red blink within 20.00 s of the press");
            case 1:
                battery = "good";
                return Pass(StepResult.RedBlinks, $"1 blink at {times} after the press (on {lengths}; limit 20.00 s)");
            default:
                battery = "low";
                return Pass(StepResult.RedBlinks, $"2 blinks at {times} after the press (on {lengths}; limit 20.00 s)");
        }
    }

    /// <summary>The pulses that rise at or after <paramref name="from"/> and before the end, with their fall (null: still lit).</summary>
    private IEnumerable<(long Start, long? Stop)> Pulses(DigitalSignal signal, long from)
    {
        long? start = null;
        foreach (LevelChange c in signal.Changes)
        {
            if (c.TimeUs >= _end)
            {
                break;
            }

            if (c.Level && c.TimeUs >= from)
            {
                start = c.TimeUs;
            }
            else if (!c.Level && start is long s)
            {
                yield return (s, c.TimeUs);
                start = null;
            }
        }

        if (start is long open)
        {
            yield return (open, null);
        }
    }

    /// <summary>The first change to <paramref name="level"/> after <paramref name="after"/> and before the end.</summary>
    private long? Edge(DigitalSignal signal, bool level, long after)
    {
        foreach (LevelChange c in signal.Changes)
        {
            if (c.TimeUs >= _end)
            {
                break;
            }

            if (c.Level == level && c.TimeUs > after)
            {
                return c.TimeUs;
            }
        }

        return null;
    }

    private static void NotJudged(List<StepResult> steps, string why, params string[] rules) =>
        steps.AddRange(rules.Select(rule => new StepResult(rule, StepStatus.NotJudged, "not judged: " + why)));

    private static StepResult Pass(string rule, string detail) => new(rule, StepStatus.Pass, detail);

    private static StepResult Fail(string rule, string detail) => new(rule, StepStatus.Fail, detail);

    private static StepResult Unusable(string rule, string detail) => new(rule, StepStatus.Unusable, detail);
}
