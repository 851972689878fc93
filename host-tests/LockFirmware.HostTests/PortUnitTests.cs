using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockFirmware.Strike;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Scenarios;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 21: the port unit (a building's entrance, electric strike through a relay) on the
/// virtual board: the release bound, the door cycle, the held-open alarm and its audit record,
/// the commands' answers, the status's unit kind, and the self-test and warnings as on a door unit.
/// </summary>
public class PortUnitTests
{
    private const int ReleaseMs = 5_000;

    private static SimulatedLock Port(TimingProfile timing = TimingProfile.Ideal, BatteryParameters? battery = null) =>
        new(new LockSetup { Kind = UnitKind.Port, Timing = timing, Battery = battery ?? BatteryParameters.Good });

    private static List<AuditEvent> AuditKinds(SimulatedLock sim)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        return Enumerable.Range(0, count).Select(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset]).ToList();
    }

    [Theory]
    [InlineData(TimingProfile.Ideal)]
    [InlineData(TimingProfile.Device)]
    public void An_unused_release_ends_at_its_time_and_an_unlock_meanwhile_does_not_extend_it(TimingProfile timing)
    {
        SimulatedLock sim = Port(timing);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        phone.Send(4_000, Opcode.Unlock);
        sim.RunUntil(30_000);

        long releasedAt = sim.Trace.Events.FirstTime(Signals.Strike, "released (450 mA)");
        long engagedAt = sim.Trace.Events.FirstTime(Signals.Strike, "engaged (0 mA)", releasedAt);
        var budget = sim.Scheduler.Budget;
        Assert.InRange(engagedAt - releasedAt, ReleaseMs, ReleaseMs + budget.TickMs + budget.ThreadQuantumMs);
        Assert.Equal(ResultCode.AlreadyThere, phone.Last(Opcode.Unlock).Result);
        Assert.Equal(1, sim.Trace.Events.Count(Signals.Strike, "released (450 mA)"));
        Assert.Equal(LockState.Locked, sim.Core.State);
    }

    [Fact]
    public void A_door_cycle_ends_the_release_early_and_its_opening_is_the_confirmed_entry()
    {
        SimulatedLock sim = Port();
        SimulatedPhone.Staff(sim).Send(1_000, Opcode.Unlock);
        PortDemoScenario.PushDoor(sim, 2_000, openForMs: 1_500);
        sim.RunUntil(10_000);

        Assert.Equal(3_500, sim.Trace.Events.FirstTime(Signals.Strike, "engaged (0 mA)", 1_000));
        Assert.Contains(AuditEvent.Entry, AuditKinds(sim));
        Assert.Equal(1, sim.Core.CompletedUnlocks);
    }

    [Fact]
    public void A_push_before_the_keeper_has_pulled_in_or_after_the_release_gets_nobody_in()
    {
        SimulatedLock sim = Port();
        SimulatedPhone.Staff(sim).Send(1_000, Opcode.Unlock);
        sim.At(1_000, () => PortDemoScenario.PushDoor(sim, sim.Now + sim.Scheduler.Budget.StrikePullInMs - 1, openForMs: 500));
        PortDemoScenario.PushDoor(sim, 9_000, openForMs: 500);
        sim.RunUntil(12_000);

        Assert.Equal(0, sim.Trace.Events.Count(Signals.Door, "open"));
        Assert.Equal(2, sim.Trace.Events.Count(Signals.Door, "pushed: held shut by the strike"));
        Assert.DoesNotContain(AuditEvent.Entry, AuditKinds(sim));
    }

    [Fact]
    public void A_door_left_open_raises_the_held_open_alarm_with_an_audit_record_and_closing_clears_it()
    {
        SimulatedLock sim = Port();
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        PortDemoScenario.PushDoor(sim, 2_000, openForMs: 80_000);
        sim.RunUntil(2_000 + new StrikeSettings().HeldOpenMs - 1);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);

        phone.Send(70_000, Opcode.Status);
        sim.RunUntil(75_000);
        Assert.Equal(MotorAlarm.DoorHeldOpen, sim.Core.LastAlarm);
        Assert.Equal((byte)MotorAlarm.DoorHeldOpen, phone.Last(Opcode.Status).Payload[1]);
        Assert.Equal(1, AuditKinds(sim).Count(kind => kind == AuditEvent.DoorHeldOpen));

        sim.RunUntil(90_000);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
        Assert.Equal(1, AuditKinds(sim).Count(kind => kind == AuditEvent.DoorHeldOpen));
    }

    [Fact]
    public void Lock_engages_a_released_strike_at_once_and_an_engaged_one_answers_AlreadyThere()
    {
        SimulatedLock sim = Port();
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Lock);
        sim.RunUntil(1_500);
        Assert.Equal(ResultCode.AlreadyThere, phone.Last(Opcode.Lock).Result);

        phone.Send(2_000, Opcode.Unlock);
        phone.Send(3_000, Opcode.Lock);
        sim.RunUntil(4_000);

        Assert.Equal(ResultCode.Ok, phone.Last(Opcode.Lock).Result);
        Assert.Equal(3_000, sim.Trace.Events.FirstTime(Signals.Strike, "engaged (0 mA)", 2_000));
        Assert.Equal(LockState.Locked, sim.Core.State);
    }

    [Fact]
    public void The_status_says_which_kind_of_unit_answers()
    {
        foreach (UnitKind kind in new[] { UnitKind.Door, UnitKind.Port, UnitKind.Laundry })
        {
            var sim = new SimulatedLock(new LockSetup { Kind = kind });
            SimulatedPhone phone = SimulatedPhone.Staff(sim);
            phone.Send(1_000, Opcode.Status);
            sim.RunUntil(2_000);

            byte[] status = phone.Last(Opcode.Status).Payload;
            Assert.Equal(Notices.StatusLength, status.Length);
            Assert.Equal((byte)kind, status[12]);
        }
    }

    [Theory]
    [MemberData(nameof(Batteries))]
    public void The_self_test_and_the_warnings_are_the_door_units_own(BatteryParameters battery)
    {
        SimulatedLock door = new(new LockSetup { Battery = battery });
        SimulatedLock port = Port(battery: battery);
        SimulatedLock onMains = Port(battery: battery);
        // With the building's supply gone the pack feeds the port unit, as it always feeds a door unit.
        port.SetMains(0, present: false);
        foreach (SimulatedLock sim in new[] { door, port, onMains })
        {
            sim.PressButton(1_000);
            sim.RunUntil(25_000);
        }

        Assert.Equal(door.Core.LastSelfTest, port.Core.LastSelfTest);
        Assert.Equal(door.Core.LastSelfTest, onMains.Core.LastSelfTest);
        Assert.NotEqual(SelfTestOutcome.None, port.Core.LastSelfTest);
        const int PowerBits = Warnings.MainsLost | Warnings.BackupLow;
        Assert.Equal(door.Core.Warnings, port.Core.Warnings & ~PowerBits);
        Assert.Equal(Warnings.MainsLost, port.Core.Warnings & Warnings.MainsLost);
        Assert.Equal(door.Core.GasRisk, port.Core.GasRisk);
        Assert.Equal(door.Core.GasRisk, onMains.Core.GasRisk);
        string[] Leds(SimulatedLock sim) => sim.Trace.Events
            .Where(e => e.Signal is Signals.GreenLed or Signals.RedLed)
            .Select(e => $"{e.TimeMs} {e.Signal} {e.Value}").ToArray();
        Assert.Equal(Leds(door), Leds(port));
        Assert.Equal(Leds(door), Leds(onMains));
    }

    public static TheoryData<BatteryParameters> Batteries() => new()
    {
        BatteryParameters.Good,
        BatteryParameters.Low,
        BatteryParameters.GasRisk,
    };

    [Fact]
    public void A_hang_during_a_release_is_cut_by_the_output_guard_within_its_bound()
    {
        SimulatedLock sim = Port(TimingProfile.Device);
        // The phone's time token, HELLO and command take a few connection events on device timing:
        // the strike is released well before the hang at 2.5 s (its release lasts 5 s).
        SimulatedPhone.Staff(sim).Send(1_000, Opcode.Unlock);
        sim.InjectHang(2_500, 10_000);
        sim.RunUntil(5_000);

        long releasedAt = sim.Trace.Events.FirstTime(Signals.Strike, "released (450 mA)");
        long engagedAt = sim.Trace.Events.FirstTime(Signals.Strike, "engaged (0 mA)", releasedAt);
        var budget = sim.Scheduler.Budget;
        int guardMs = new LockSettings().GuardMs;
        Assert.True(releasedAt < 2_500, $"released at {releasedAt} ms");
        Assert.True(sim.Guard.Trips >= 1);
        Assert.InRange(engagedAt, 2_500, 2_500 + guardMs + budget.TickMs + budget.ThreadQuantumMs);
    }
}
