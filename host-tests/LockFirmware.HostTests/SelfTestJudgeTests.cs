using System.Linq;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// The QA judge of the push-button self-test: the simulator's runs for each battery, and
/// hand-made recordings that each break one rule of the routine.
/// </summary>
public class SelfTestJudgeTests
{
    private const long PressMs = 1_000;

    private static SelfTestVerdict JudgeSimulated(BatteryParameters battery)
    {
        var sim = new SimulatedLock(new LockSetup { Battery = battery });
        sim.PressButton(PressMs);
        sim.RunUntil(PressMs + 25_000);
        return SelfTestJudge.Judge(SelfTestRecording.FromTrace(sim.Trace.Events, sim.Now));
    }

    /// <summary>A signal that starts low and flips at each of <paramref name="flipsMs"/>.</summary>
    private static DigitalSignal Flips(params long[] flipsMs)
    {
        var signal = new DigitalSignal();
        foreach (long t in flipsMs)
        {
            signal.Set(t * 1000, !signal.Level);
        }

        return signal;
    }

    /// <summary>A clean run (press at 1 s, green 1.03..5.03 s, one blink at 7.03 s, 26 s recorded) with some signal swapped.</summary>
    private static SelfTestVerdict Judge(DigitalSignal? green = null, DigitalSignal? red = null, DigitalSignal? button = null, long endMs = 26_000) =>
        SelfTestJudge.Judge(new SelfTestRecording(
            button ?? Flips(PressMs, PressMs + 300),
            green ?? Flips(1_030, 5_030),
            red ?? Flips(7_030, 7_330),
            endMs * 1000));

    private static StepResult Step(SelfTestVerdict verdict, string name) => verdict.Steps.Single(s => s.Name == name);

    [Fact]
    public void The_simulated_good_battery_passes_with_one_blink()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Good);

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal("PASS: battery not completely discharged: may be changed as normal", verdict.Summary);
        Assert.StartsWith("1 blink, 6.034 s after the press", Step(verdict, SelfTestJudge.RedBlinks).Detail);
        Assert.EndsWith("battery good", Step(verdict, SelfTestJudge.RedBlinks).Detail);
        Assert.Equal("green on 34 ms after the press (limit 1 s)", Step(verdict, SelfTestJudge.GreenOn).Detail);
    }

    [Fact]
    public void The_simulated_low_battery_passes_with_two_blinks()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Low);

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.StartsWith("2 blinks, 6.034 s, 6.834 s after the press", Step(verdict, SelfTestJudge.RedBlinks).Detail);
        Assert.EndsWith("battery low but not completely discharged", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void The_simulated_depleted_battery_fails_with_no_blink()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Depleted);

        Assert.False(verdict.Passed);
        Assert.Equal(StepStatus.Pass, Step(verdict, SelfTestJudge.GreenOff).Status);
        Assert.Equal("FAIL: no red blink: battery may be completely discharged — do not change it, report to service", verdict.Summary);
    }

    [Fact]
    public void The_clean_hand_made_run_passes()
    {
        SelfTestVerdict verdict = Judge();

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal("green off 4.030 s after the press (limit 10 s)", Step(verdict, SelfTestJudge.GreenOff).Detail);
    }

    [Fact]
    public void Green_going_off_11_s_after_the_press_fails_as_late()
    {
        SelfTestVerdict verdict = Judge(green: Flips(1_030, 12_000));

        Assert.Equal(StepStatus.Fail, Step(verdict, SelfTestJudge.GreenOff).Status);
        Assert.Equal("FAIL: late green-off: green went off 11.000 s after the press (limit 10 s)", verdict.Summary);
    }

    [Fact]
    public void Green_that_never_goes_off_fails()
    {
        SelfTestVerdict verdict = Judge(green: Flips(1_030));

        Assert.Equal(StepStatus.Fail, Step(verdict, SelfTestJudge.GreenOff).Status);
        Assert.StartsWith("green never went off", Step(verdict, SelfTestJudge.GreenOff).Detail);
    }

    [Fact]
    public void No_red_blink_fails_as_possibly_completely_discharged()
    {
        SelfTestVerdict verdict = Judge(red: Flips());

        Assert.False(verdict.Passed);
        Assert.Equal(SelfTestJudge.NoBlinkText, Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void Three_red_blinks_are_not_a_valid_answer()
    {
        SelfTestVerdict verdict = Judge(red: Flips(7_030, 7_330, 7_830, 8_130, 8_630, 8_930));

        Assert.Equal(StepStatus.Fail, Step(verdict, SelfTestJudge.RedBlinks).Status);
        Assert.StartsWith("3 red blinks (6.030 s, 6.830 s, 7.630 s after the press)", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void A_red_blink_21_s_after_the_press_is_too_late()
    {
        SelfTestVerdict verdict = Judge(red: Flips(22_000, 22_300));

        Assert.Equal(StepStatus.Fail, Step(verdict, SelfTestJudge.RedBlinks).Status);
        Assert.Equal("red too late: blink 21.000 s after the press (limit 20 s)", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void A_red_blink_after_a_good_one_but_past_20_s_still_fails()
    {
        SelfTestVerdict verdict = Judge(red: Flips(7_030, 7_330, 22_000, 22_300));

        Assert.StartsWith("red too late", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void Red_left_on_past_20_s_is_not_a_brief_blink()
    {
        SelfTestVerdict verdict = Judge(red: Flips(7_030));

        Assert.Equal("red still on 20 s after the press: not a brief blink", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void Green_that_never_turns_on_fails_and_leaves_the_later_steps_unjudged()
    {
        SelfTestVerdict verdict = Judge(green: Flips());

        Assert.Equal(StepStatus.Fail, Step(verdict, SelfTestJudge.GreenOn).Status);
        Assert.Equal(StepStatus.NotJudged, Step(verdict, SelfTestJudge.GreenOff).Status);
        Assert.Equal(StepStatus.NotJudged, Step(verdict, SelfTestJudge.RedBlinks).Status);
        Assert.Equal("FAIL: green never turned on after the press", verdict.Summary);
    }

    [Fact]
    public void Green_on_after_more_than_1_s_fails_and_after_150_ms_passes_as_slow()
    {
        Assert.Equal("green on too late: 1500 ms after the press (limit 1 s)", Step(Judge(green: Flips(2_500, 5_030)), SelfTestJudge.GreenOn).Detail);

        StepResult slow = Step(Judge(green: Flips(1_150, 5_030)), SelfTestJudge.GreenOn);
        Assert.Equal(StepStatus.Pass, slow.Status);
        Assert.Contains("slow: well under 100 ms expected", slow.Detail);
    }

    [Fact]
    public void A_recording_without_a_press_fails()
    {
        SelfTestVerdict verdict = Judge(button: Flips());

        Assert.Equal("FAIL: no button press in the recording", verdict.Summary);
        Assert.Equal(3, verdict.Steps.Count(s => s.Status == StepStatus.NotJudged));
    }

    [Fact]
    public void A_recording_shorter_than_20_s_after_the_press_cannot_show_the_blinks()
    {
        SelfTestVerdict verdict = Judge(endMs: 15_000);

        Assert.StartsWith("the recording ends 14.000 s after the press", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void Red_glitches_shorter_than_20_ms_are_not_blinks()
    {
        // A 5 ms spike before the blink, and a 2 ms dropout inside it.
        SelfTestVerdict verdict = Judge(red: Flips(6_000, 6_005, 7_030, 7_100, 7_102, 7_330));

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.StartsWith("1 blink, 6.030 s", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void Red_before_green_went_on_is_not_a_blink()
    {
        SelfTestVerdict verdict = Judge(red: Flips(500, 800, 7_030, 7_330));

        Assert.StartsWith("1 blink, 6.030 s", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }

    [Fact]
    public void A_red_pulse_of_20_ms_counts_as_a_blink()
    {
        SelfTestVerdict verdict = Judge(red: Flips(7_030, 7_330, 8_000, 8_020));

        Assert.StartsWith("2 blinks", Step(verdict, SelfTestJudge.RedBlinks).Detail);
    }
}
