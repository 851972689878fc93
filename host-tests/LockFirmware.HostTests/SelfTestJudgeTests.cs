using System.Linq;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// The QA judge of the push-button self-test on simulated locks, and its building blocks: the
/// glitch filter, the rounding of times, the rules' constants. The recordings a rig produces
/// are the table in <see cref="RecordingCases"/>.
/// </summary>
public class SelfTestJudgeTests
{
    private const long PressMs = 1_000;

    private static SelfTestVerdict JudgeSimulated(BatteryParameters battery, long runMs = 25_000)
    {
        var sim = new SimulatedLock(new LockSetup { Battery = battery });
        sim.PressButton(PressMs);
        sim.RunUntil(PressMs + runMs);
        return SelfTestJudge.Judge(SelfTestRecording.FromTrace(sim.Trace.Events, sim.Now));
    }

    /// <summary>A signal that starts low and flips at each of <paramref name="flipsUs"/>.</summary>
    private static DigitalSignal Flips(params long[] flipsUs)
    {
        var signal = new DigitalSignal();
        foreach (long t in flipsUs)
        {
            signal.Set(t, !signal.Level);
        }

        return signal;
    }

    private static StepResult Step(PressVerdict press, string rule) => press.Steps.Single(s => s.Rule == rule);

    [Fact]
    public void The_simulated_good_battery_passes_with_one_blink_timed_from_the_debounced_press()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Good);

        PressVerdict press = Assert.Single(verdict.Presses);
        Assert.Equal(StepStatus.Pass, verdict.Outcome);
        Assert.Equal(0, verdict.ExitCode);
        Assert.Equal(1_004_000, press.PressUs); // the contact that held, after two 1 ms bounces
        Assert.Equal("green on 0.03 s after the press (limit 1.00 s)", Step(press, StepResult.GreenOn).Detail);
        Assert.Equal("1 blink at 6.03 s after the press (on 0.30 s; limit 20.00 s)", Step(press, StepResult.RedBlinks).Detail);
        Assert.Equal("good", press.Battery);
        Assert.Equal($"PASS: press 1 at 1.00 s, battery good. {CareInstructions.ChangeAsNormal}", verdict.Summary);
    }

    [Fact]
    public void The_simulated_low_battery_passes_with_two_blinks()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Low);

        Assert.True(verdict.Passed, verdict.Summary);
        Assert.Equal("low", verdict.Presses[0].Battery);
        Assert.StartsWith("2 blinks at 6.03 s and 6.83 s", Step(verdict.Presses[0], StepResult.RedBlinks).Detail);
    }

    [Fact]
    public void The_simulated_depleted_battery_fails_naming_the_rule_and_the_instruction()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Depleted);

        Assert.Equal(1, verdict.ExitCode);
        Assert.Equal(StepStatus.Pass, Step(verdict.Presses[0], StepResult.GreenOff).Status);
        Assert.Equal(
            $"FAIL: press 1 at 1.00 s: red blinks: no red blink within 20.00 s of the press. {CareInstructions.ReportToService}",
            verdict.Summary);
    }

    [Fact]
    public void A_simulated_run_cut_at_15_s_is_unusable_not_a_fail()
    {
        SelfTestVerdict verdict = JudgeSimulated(BatteryParameters.Depleted, runMs: 15_000);

        Assert.Equal(2, verdict.ExitCode);
        Assert.Equal(StepStatus.Unusable, Step(verdict.Presses[0], StepResult.RedBlinks).Status);
        Assert.StartsWith("UNUSABLE: press 1 at 1.00 s: red blinks: the recording ends 15.00 s after the press", verdict.Summary);
        Assert.EndsWith(CareInstructions.RecordAgain, verdict.Summary);
    }

    [Fact]
    public void The_rules_come_from_the_routine_and_the_firmware_timing()
    {
        Assert.Equal(30_000, SelfTestRules.PressHoldUs);
        Assert.Equal(100_000, SelfTestRules.MinBlinkOnUs);
        Assert.InRange(LockFirmware.SelfTest.SelfTestTimings.BlinkOnMs * 1000L, SelfTestRules.MinBlinkOnUs, SelfTestRules.MaxBlinkOnUs);
        Assert.True(SelfTestRules.LedGlitchUs < SelfTestRules.MinBlinkOnUs);
    }

    [Fact]
    public void The_button_filter_keeps_only_closings_held_30_ms_and_any_opening()
    {
        // Bounces of 1 ms, a press held 300 ms with a 1 ms dropout, a 29 ms closing.
        DigitalSignal raw = Flips(1_000_000, 1_001_000, 1_002_000, 1_003_000, 1_004_000, 1_100_000, 1_101_000, 1_304_000, 2_000_000, 2_029_000);

        DigitalSignal clean = PulseFilter.Clean(raw, SelfTestRules.PressHoldUs, 0);

        Assert.Equal(
            new[] { new LevelChange(1_004_000, true), new LevelChange(1_100_000, false), new LevelChange(1_101_000, true), new LevelChange(1_304_000, false) },
            clean.Changes);
    }

    [Fact]
    public void The_LED_filter_removes_pulses_and_dropouts_under_20_ms_and_cleaning_twice_changes_nothing()
    {
        DigitalSignal raw = Flips(6_000_000, 6_005_000, 7_030_000, 7_100_000, 7_102_000, 7_330_000);

        DigitalSignal once = PulseFilter.Clean(raw, SelfTestRules.LedGlitchUs, SelfTestRules.LedGlitchUs);
        DigitalSignal twice = PulseFilter.Clean(once, SelfTestRules.LedGlitchUs, SelfTestRules.LedGlitchUs);

        Assert.Equal(new[] { new LevelChange(7_030_000, true), new LevelChange(7_330_000, false) }, once.Changes);
        Assert.Equal(once.Changes, twice.Changes);
    }

    [Theory]
    [InlineData(6_034_000, "6.03 s")]
    [InlineData(6_035_000, "6.04 s")]
    [InlineData(24_999_970, "25.00 s")]
    [InlineData(300_000, "0.30 s")]
    public void Times_read_in_seconds_with_two_decimals(long us, string text)
    {
        Assert.Equal(text, Durations.Seconds(us));
    }

    [Theory]
    [InlineData(10_000_001, "10.01 s")]
    [InlineData(9_999_999, "9.99 s")]
    [InlineData(10_000_000, "10.00 s")]
    [InlineData(99_999, "0.09 s")] // under a 0.10 s minimum
    public void Times_judged_against_a_limit_round_away_from_it(long us, string text)
    {
        long limit = us < 1_000_000 ? SelfTestRules.MinBlinkOnUs : SelfTestRules.GreenOffLimitUs;
        Assert.Equal(text, Durations.Seconds(us, limit));
    }

    [Fact]
    public void A_press_during_the_routine_that_the_lock_ignored_is_listed_not_judged()
    {
        var recording = new SelfTestRecording(
            Flips(1_000_000, 1_300_000, 3_000_000, 3_200_000),
            Flips(1_030_000, 5_030_000),
            Flips(7_030_000, 7_330_000),
            0,
            26_000_000);

        SelfTestVerdict verdict = SelfTestJudge.Judge(recording);

        PressVerdict press = Assert.Single(verdict.Presses);
        Assert.Equal(new[] { 3_000_000L }, press.IgnoredPressesUs);
        Assert.True(verdict.Passed, verdict.Summary);
    }
}
