using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Battery;
using LockFirmware.SelfTest;
using LockFirmware.Status;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 4 end to end: a press on a simulated lock with each battery, judged on the recorded
/// LED trace with exact times (the self-test timings are the contract).
/// </summary>
public class SelfTestOutcomeTests
{
    private const long PressAt = 1_000;

    private static SimulatedLock PressWith(BatteryParameters battery)
    {
        var sim = new SimulatedLock(new LockSetup { Battery = battery });
        sim.PressButton(PressAt);
        sim.RunUntil(PressAt + 25_000);
        return sim;
    }

    /// <summary>The press counts once the contact stayed closed for the debounce time after the last bounce.</summary>
    private static long Accepted(SimulatedLock sim) =>
        sim.Trace.Events.On(Signals.Button).Where(e => e.Value == "1").Max(e => e.TimeMs) + SelfTestTimings.DebounceMs;

    [Fact]
    public void Good_battery_green_at_once_off_at_4_s_one_red_blink_at_6_s()
    {
        SimulatedLock sim = PressWith(BatteryParameters.Good);
        long t0 = Accepted(sim);

        Assert.Equal(t0, sim.Trace.Events.FirstTime(Signals.GreenLed, "1", PressAt));
        Assert.True(t0 - PressAt < 100, "green must come on well under 100 ms after the press");
        Assert.Equal(t0 + SelfTestTimings.GreenOffMs, sim.Trace.Events.FirstTime(Signals.GreenLed, "0", PressAt));
        Assert.Equal(new[] { t0 + SelfTestTimings.FirstBlinkMs }, RedOnTimes(sim));
        Assert.Equal(SelfTestOutcome.BatteryGood, sim.Core.LastSelfTest);
    }

    [Fact]
    public void Low_battery_blinks_red_twice_within_20_s()
    {
        SimulatedLock sim = PressWith(BatteryParameters.Low);
        long t0 = Accepted(sim);

        long first = t0 + SelfTestTimings.FirstBlinkMs;
        long second = first + SelfTestTimings.BlinkOnMs + SelfTestTimings.BlinkGapMs;
        Assert.Equal(new[] { first, second }, RedOnTimes(sim));
        Assert.True(second + SelfTestTimings.BlinkOnMs - PressAt <= 20_000);
        Assert.Equal(SelfTestOutcome.BatteryLow, sim.Core.LastSelfTest);
        Assert.Equal(Warnings.BatteryAboutToBeUnavailable, sim.Core.Warnings & Warnings.BatteryAboutToBeUnavailable);
    }

    [Theory]
    [InlineData("depleted")]
    [InlineData("gas-risk")]
    [InlineData("cell-reversed")]
    public void Completely_discharged_or_gas_risk_never_blinks_red(string preset)
    {
        BatteryParameters battery = preset switch
        {
            "depleted" => BatteryParameters.Depleted,
            "gas-risk" => BatteryParameters.GasRisk,
            _ => BatteryParameters.CellReversed,
        };
        SimulatedLock sim = PressWith(battery);

        Assert.Empty(RedOnTimes(sim));
        Assert.Equal("0", sim.Trace.Events.On(Signals.GreenLed).Last().Value);
        Assert.Equal(SelfTestOutcome.BatteryDepleted, sim.Core.LastSelfTest);
        Assert.NotEqual(GasRiskCause.None, sim.Core.GasRisk);
        Assert.Equal(Warnings.NeedsImmediateVerification, sim.Core.Warnings & Warnings.NeedsImmediateVerification);
    }

    [Fact]
    public void A_passivated_fresh_battery_sags_but_passes_without_an_alarm()
    {
        SimulatedLock sim = PressWith(BatteryParameters.Passivated);

        Assert.Equal(SelfTestOutcome.BatteryGood, sim.Core.LastSelfTest);
        Assert.Equal(GasRiskCause.None, sim.Core.GasRisk);
        Assert.Single(RedOnTimes(sim));
    }

    [Fact]
    public void A_passivated_battery_unlocks_without_a_battery_alarm()
    {
        var setup = new LockSetup { Battery = BatteryParameters.Passivated, StartFraction = 0 };
        var sim = new SimulatedLock(setup);
        SimulatedPhone.Staff(sim).Send(100, Opcode.Unlock);
        sim.RunUntil(10_000);

        Assert.Equal(LockFirmware.Motor.LockState.Unlocked, sim.Core.State);
        Assert.Equal(BatteryLevel.Good, sim.Core.BatteryLevel);
        Assert.Equal(GasRiskCause.None, sim.Core.GasRisk);
    }

    [Fact]
    public void Presses_during_a_running_test_are_ignored()
    {
        var sim = new SimulatedLock(new LockSetup());
        sim.PressButton(PressAt);
        sim.PressButton(PressAt + 2_000);
        sim.PressButton(PressAt + 5_000);
        sim.RunUntil(PressAt + 25_000);

        Assert.Single(sim.Trace.Events.On(Signals.GreenLed), e => e.Value == "1");
        Assert.Single(RedOnTimes(sim));
    }

    [Fact]
    public void A_bounce_shorter_than_the_debounce_time_starts_nothing()
    {
        var sim = new SimulatedLock(new LockSetup());
        sim.At(PressAt, () => sim.Core.Inputs.Post(LockFirmware.Events.InputKind.ButtonDown));
        sim.At(PressAt + SelfTestTimings.DebounceMs - 5, () => sim.Core.Inputs.Post(LockFirmware.Events.InputKind.ButtonUp));
        sim.RunUntil(PressAt + 25_000);

        Assert.DoesNotContain(sim.Trace.Events.On(Signals.GreenLed), e => e.Value == "1");
    }

    [Fact]
    public void The_result_goes_out_over_BLE()
    {
        var sim = new SimulatedLock(new LockSetup { Battery = BatteryParameters.Low });
        SimulatedPhone listener = SimulatedPhone.Staff(sim);
        listener.StayConnected = true;
        listener.Send(0, Opcode.Status); // connected and subscribed when the button is pressed
        sim.PressButton(PressAt);
        sim.RunUntil(PressAt + 25_000);

        var result = Assert.Single(listener.Events.OfType<LockFirmware.Protocol.Client.SelfTestFinished>());
        Assert.Equal(SelfTestOutcome.BatteryLow, result.Outcome);
    }

    private static long[] RedOnTimes(SimulatedLock sim) =>
        sim.Trace.Events.On(Signals.RedLed).Where(e => e.Value == "1").Select(e => e.TimeMs).ToArray();
}
