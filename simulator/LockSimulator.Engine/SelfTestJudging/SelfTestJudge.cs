using System.Collections.Generic;
using System.Linq;
using LockSimulator.Tracing;
using static LockSimulator.SelfTestJudging.Durations;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Judges a recording of the push-button self-test against the municipal routine, not
/// against the firmware's own timings (<see cref="SelfTestRules"/> has the limits and what a
/// press and a blink are). Each press is judged on its own (<see cref="PressJudge"/>) over
/// its part of the recording, which runs until the next judged press or the recording's end.
/// </summary>
/// <remarks>
/// A press less than 20 s after the one being judged starts a new routine only if the lock
/// answered it: green was dark at that press, had already been lit since the earlier press,
/// and lit again within 1 s. Otherwise the lock ignored it (the firmware runs one test at a
/// time) and it is listed under the earlier press.
/// </remarks>
public static class SelfTestJudge
{
    /// <summary>The button as the firmware reads it: a closing counts once held 30 ms; any opening releases it.</summary>
    public static PulseFilter ButtonFilter() => new(SelfTestRules.PressHoldUs, 0);

    /// <summary>An LED as a person sees it: pulses and dropouts shorter than 20 ms are noise.</summary>
    public static PulseFilter LedFilter() => new(SelfTestRules.LedGlitchUs, SelfTestRules.LedGlitchUs);

    /// <summary>The recording with bounces and glitches removed (cleaning twice changes nothing).</summary>
    public static SelfTestRecording Clean(SelfTestRecording raw) => raw with
    {
        Button = PulseFilter.Clean(raw.Button, SelfTestRules.PressHoldUs, 0),
        Green = PulseFilter.Clean(raw.Green, SelfTestRules.LedGlitchUs, SelfTestRules.LedGlitchUs),
        Red = PulseFilter.Clean(raw.Red, SelfTestRules.LedGlitchUs, SelfTestRules.LedGlitchUs),
    };

    public static SelfTestVerdict Judge(SelfTestRecording raw)
    {
        SelfTestRecording r = Clean(raw);
        if (r.Button.LevelAt(r.StartUs))
        {
            return new SelfTestVerdict(r, [], "the button reads pressed from the start of the recording, so the press time is unknown: " +
                "start the capture before pressing; if the button pulls its line low when pressed, map it as button=CHANNEL:low");
        }

        List<long> presses = r.Button.Changes.Where(c => c.Level).Select(c => c.TimeUs).ToList();
        if (presses.Count == 0)
        {
            return new SelfTestVerdict(r, [], $"no press in the recording: the button never stayed pressed for {Seconds(SelfTestRules.PressHoldUs)} (the lock's debounce time)");
        }

        var starts = new List<long>();
        var ignored = new List<List<long>>();
        foreach (long press in presses)
        {
            if (starts.Count == 0 || StartsRoutine(r.Green, starts[^1], press))
            {
                starts.Add(press);
                ignored.Add([]);
            }
            else
            {
                ignored[^1].Add(press);
            }
        }

        var verdicts = new List<PressVerdict>();
        for (int i = 0; i < starts.Count; i++)
        {
            long end = i + 1 < starts.Count ? starts[i + 1] : r.EndUs;
            string ending = i + 1 < starts.Count ? $"the button is pressed again (press {i + 2})" : "the recording ends";
            verdicts.Add(PressJudge.Judge(r, i + 1, starts[i], end, ending, ignored[i]));
        }

        return new SelfTestVerdict(r, verdicts, null);
    }

    private static bool StartsRoutine(DigitalSignal green, long routine, long press)
    {
        if (press - routine >= SelfTestRules.RedLimitUs)
        {
            return true;
        }

        bool litSinceRoutine = green.Changes.Any(c => c.Level && c.TimeUs > routine && c.TimeUs < press);
        bool answered = green.Changes.Any(c => c.Level && c.TimeUs > press && c.TimeUs - press <= SelfTestRules.GreenOnLimitUs);
        return litSinceRoutine && !green.LevelAt(press) && answered;
    }
}
