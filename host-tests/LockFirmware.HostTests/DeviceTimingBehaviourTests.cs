using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Status;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 13: what the routine and the README promise holds on a board as slow and coarse as the
/// real one (10 ms tick, a quantum for the guard's callback, processing costs, GC pauses) as well as in ideal time.
/// Exact times are for the ideal profile's own tests; here every promise is checked as a bound.
/// </summary>
public class DeviceTimingBehaviourTests
{
    private static readonly MotorSettings Limits = new();

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void Unlock_and_lock_reach_their_end_stops_at_full_duty_within_the_on_time_bound(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        sim.RunUntil(1_500);
        Assert.Equal(1.0, sim.Physics.Duty);
        sim.RunUntil(6_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.True(sim.BoltFraction > 0.95);

        phone.Send(6_000, Opcode.Lock);
        sim.RunUntil(11_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
        Assert.True(sim.BoltFraction < 0.05);
        Assert.InRange(sim.Trace.Events.MotorOnMs(6_000), 1, Limits.MaxOnTimeMs);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_jam_is_found_within_the_on_time_bound_and_clears_at_the_next_end_stop(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        sim.Physics.JamAt = 0.3 * new MotorParameters().TravelRadians;
        phone.Send(1_000, Opcode.Unlock);
        sim.RunUntil(25_000);

        Assert.Equal(LockState.Jammed, sim.Core.State);
        Assert.Equal(MotorAlarm.JammedWhileUnlocking, sim.Core.LastAlarm);
        Assert.InRange(sim.Trace.Events.MotorOnMs(1_000), 1, Limits.MaxOnTimeMs);

        sim.Physics.JamAt = null;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(10_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_stiff_door_and_a_weak_battery_complete_without_a_false_jam(TimingProfile profile, int seed)
    {
        var weak = new LockSetup { Timing = profile, Seed = seed, Battery = new BatteryParameters { StateOfCharge = 0.055 } };
        foreach (LockSetup setup in new[] { Timings.Setup(profile, seed), weak })
        {
            var sim = new SimulatedLock(setup);
            if (setup != weak)
            {
                sim.Physics.FrictionFactor = 2.0;
            }

            SimulatedPhone.Staff(sim).Send(1_000, Opcode.Unlock);
            sim.RunUntil(12_000);
            Assert.Equal(LockState.Unlocked, sim.Core.State);
            Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
        }
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void Auto_relock_comes_after_the_delay_and_reports_Locked_only_at_the_end(TimingProfile profile, int seed)
    {
        const int delay = 10_000;
        var sim = new SimulatedLock(Timings.Setup(profile, seed) with { Settings = new LockSettings { AutoRelockMs = delay } });
        SimulatedPhone.Staff(sim).Send(0, Opcode.Unlock);
        sim.RunFor(delay + 10_000);

        long unlockedAt = sim.Trace.Events.FirstTime(Signals.State, "Unlocked");
        // The delay runs from the move's end, when the bridge went to coast; the state is traced
        // after the round, whose audit and flash work may take longer than the relock's wake slack.
        long unlockEnd = sim.Trace.Events.On(Signals.Motor).Last(e => e.TimeMs <= unlockedAt && e.Value == "coast").TimeMs;
        long relockStart = sim.Trace.Events.FirstTime(Signals.Motor, "lock", unlockedAt);
        Assert.InRange(relockStart - unlockEnd, delay, delay + Timings.WakeSlackMs + 50);
        Assert.Equal(LockState.Locked, sim.Core.State);
        long lockedAt = sim.Trace.Events.FirstTime(Signals.State, "Locked");
        Assert.Equal("coast", sim.Trace.Events.On(Signals.Motor).Last(e => e.TimeMs <= lockedAt).Value);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void The_self_test_keeps_the_routines_limits_with_margin(TimingProfile profile, int seed)
    {
        foreach ((BatteryParameters battery, int blinks) in new[] { (BatteryParameters.Good, 1), (BatteryParameters.Low, 2), (BatteryParameters.Depleted, 0) })
        {
            var sim = new SimulatedLock(new LockSetup { Timing = profile, Seed = seed, Battery = battery });
            const long press = 1_000;
            sim.PressButton(press);
            sim.RunUntil(press + 25_000);

            long greenOn = sim.Trace.Events.FirstTime(Signals.GreenLed, "1", press);
            long greenOff = sim.Trace.Events.FirstTime(Signals.GreenLed, "0", greenOn);
            long[] redOn = sim.Trace.Events.On(Signals.RedLed).Where(e => e.Value == "1").Select(e => e.TimeMs).ToArray();
            Assert.True(greenOn - press < 100, $"green came on {greenOn - press} ms after the press");
            Assert.InRange(greenOff - press, SelfTestTimings.GreenOffMs, 10_000 - 5_000);
            Assert.Equal(blinks, redOn.Length);
            Assert.All(redOn, t => Assert.InRange(t - press, SelfTestTimings.FirstBlinkMs, 20_000 - 10_000));
            Assert.Equal(0, sim.Guard.Trips);
        }
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void The_protocol_answers_status_and_refuses_an_intruder(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(1_000, Opcode.Status);
        sim.RunUntil(3_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Status).Result);

        var intruder = SimulatedPhone.Staff(sim, secret: new byte[32]);
        intruder.Send(4_000, Opcode.Unlock);
        sim.RunUntil(8_000);
        Assert.NotEmpty(intruder.Refusals);
        Assert.Equal(LockState.Unknown, sim.Core.State);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.Value is "unlock" or "lock");
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void Battery_verification_needs_five_healthy_cycles_each_way(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.RegisterBatteryChange);
        // Over the board's link the first exchange (HELLO, the time token, HELLO, the command) takes a few hundred ms.
        sim.RunFor(1_000);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.BatteryNotVerified);
        for (int i = 0; i < 5; i++)
        {
            phone.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(4_000);
            phone.Send(sim.Now, Opcode.Lock);
            sim.RunFor(4_000);
        }

        Assert.True(sim.Core.BatteryVerification.IsVerified);
        Assert.Equal(0, sim.Core.Warnings);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void Commands_during_motion_a_duplicate_is_acknowledged_the_opposite_reverses_promptly(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = Timings.WithSession(sim);
        phone.Send(1_000, Opcode.Unlock);
        phone.Send(1_300, Opcode.Unlock);
        phone.Send(1_600, Opcode.Lock);
        sim.RunUntil(12_000);

        Assert.Equal(ResultCode.AlreadyMoving, phone.Responses.First(r => r.Opcode == Opcode.Unlock && r.Result != ResultCode.Ok).Result);
        long reversedAt = sim.Trace.Events.FirstTime(Signals.Motor, "brake", 1_600);
        Assert.InRange(reversedAt - 1_600, 0, Timings.LinkSlackMs(profile) + Timings.WakeSlackMs + 10);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.True(sim.BoltFraction < 0.05);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void Power_lost_mid_travel_boots_Unknown_and_the_next_command_recovers(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        sim.CutPower(1_500);
        sim.RestorePower(3_000);
        sim.RunUntil(3_200);
        Assert.Equal(LockState.Unknown, sim.Core.State);

        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(12_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.Equal(0, sim.Core.FaultCount);
    }
}
