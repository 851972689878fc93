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
    public void An_unlock_during_a_release_restarts_its_time_is_answered_Ok_and_audited_with_who_sent_it(TimingProfile timing)
    {
        SimulatedLock sim = Port(timing);
        SimulatedPhone first = SimulatedPhone.Staff(sim, keyId: 7, userId: 42);
        SimulatedPhone second = SimulatedPhone.Staff(sim, keyId: 8, userId: 43);
        first.Send(1_000, Opcode.Unlock);
        second.Send(4_000, Opcode.Unlock);
        sim.RunUntil(30_000);

        long releasedAt = sim.Trace.Events.FirstTime(Signals.Strike, "released (450 mA)");
        long engagedAt = sim.Trace.Events.FirstTime(Signals.Strike, "engaged (0 mA)", releasedAt);
        // Each phone's unlock reaches the lock a few hundred ms after it is sent (connection, HELLO, command):
        // the release lasts the second's 5 s from its arrival, about 3 s after the first's.
        var budget = sim.Scheduler.Budget;
        Assert.InRange(engagedAt - releasedAt, ReleaseMs + 2_000, ReleaseMs + 4_000);
        Assert.Equal(ResultCode.Ok, first.Last(Opcode.Unlock).Result);
        Assert.Equal(ResultCode.Ok, second.Last(Opcode.Unlock).Result);
        // The second phone hears, MAC'd in its session, that the strike is released.
        Assert.Contains(second.Events, e => e is LockFirmware.Protocol.Client.StateChanged { State: LockState.Unlocked, Authenticated: true });
        Assert.Equal(1, sim.Trace.Events.Count(Signals.Strike, "released (450 mA)"));
        Assert.Equal(1, sim.Core.CompletedUnlocks);
        Assert.Equal(LockState.Locked, sim.Core.State);

        List<(uint User, byte Result)> unlocks = Commands(sim, Opcode.Unlock);
        Assert.Equal([(42u, (byte)ResultCode.Ok), (43u, (byte)ResultCode.Ok)], unlocks);
        Assert.True(engagedAt - releasedAt <= StrikeSettings.MaxContinuousReleaseMs + budget.TickMs + budget.ThreadQuantumMs);
    }

    [Theory]
    [InlineData(TimingProfile.Ideal)]
    [InlineData(TimingProfile.Device)]
    public void A_chain_of_valid_unlocks_every_second_never_holds_the_strike_past_the_cap(TimingProfile timing)
    {
        // An insider (or a stolen phone) keeps a valid session busy with unlocks, one a second, for two minutes.
        SimulatedLock sim = Port(timing);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.StayConnected = true;
        for (long t = 1_000; t <= 121_000; t += 1_000)
        {
            phone.Send(t, Opcode.Unlock);
        }

        sim.RunUntil(130_000);

        var budget = sim.Scheduler.Budget;
        long late = budget.TickMs + budget.ThreadQuantumMs;
        long[] released = Times(sim, "released (450 mA)");
        long[] engaged = Times(sim, "engaged (0 mA)");
        Assert.Equal(released.Length, engaged.Length);
        Assert.InRange(released.Length, 4, 5);
        for (int i = 0; i < released.Length; i++)
        {
            Assert.InRange(engaged[i] - released[i], StrikeSettings.MaxContinuousReleaseMs - 1_000, StrikeSettings.MaxContinuousReleaseMs + late);
            if (i + 1 < released.Length)
            {
                Assert.InRange(released[i + 1] - engaged[i], StrikeSettings.RestAfterCapMs, StrikeSettings.RestAfterCapMs + 1_000 + late);
            }
        }

        // Every unlock was answered Ok and audited; none found a door that would not open.
        Assert.All(phone.Responses.Where(r => r.Opcode == Opcode.Unlock), r => Assert.Equal(ResultCode.Ok, r.Result));
        Assert.Equal(121, Commands(sim, Opcode.Unlock).Count(c => c.User == 42));
    }

    [Theory]
    [InlineData(TimingProfile.Ideal, 600, 100)]
    [InlineData(TimingProfile.Ideal, 4_000, 900)]
    [InlineData(TimingProfile.Device, 600, 100)]
    [InlineData(TimingProfile.Device, 4_000, 900)]
    public void A_chain_of_valid_unlocks_and_locks_never_holds_the_strike_released_past_the_cap(TimingProfile timing, int heldMs, int gapMs)
    {
        // Lock then Unlock again before the keeper could have latched the door for good: the
        // gaps shorter than the rest count as released, and no such span may pass the cap.
        SimulatedLock sim = Port(timing);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.StayConnected = true;
        for (long t = 1_000; t <= 121_000; t += heldMs + gapMs)
        {
            phone.Send(t, Opcode.Unlock);
            phone.Send(t + heldMs, Opcode.Lock);
        }

        sim.RunUntil(130_000);

        var budget = sim.Scheduler.Budget;
        long late = budget.TickMs + budget.ThreadQuantumMs;
        long[] released = Times(sim, "released (450 mA)");
        long[] engaged = Times(sim, "engaged (0 mA)");
        Assert.Equal(released.Length, engaged.Length);
        long longest = 0;
        long spanStart = released[0];
        for (int i = 0; i < released.Length; i++)
        {
            if (i > 0 && released[i] - engaged[i - 1] >= StrikeSettings.RestAfterCapMs)
            {
                spanStart = released[i];
            }

            longest = System.Math.Max(longest, engaged[i] - spanStart);
        }

        Assert.InRange(longest, StrikeSettings.MaxContinuousReleaseMs - heldMs - gapMs, StrikeSettings.MaxContinuousReleaseMs + late);
        Assert.All(phone.Responses.Where(r => r.Opcode == Opcode.Unlock), r => Assert.Equal(ResultCode.Ok, r.Result));
    }

    private static long[] Times(SimulatedLock sim, string value) =>
        sim.Trace.Events.Where(e => e.Signal == Signals.Strike && e.Value == value).Select(e => e.TimeMs).ToArray();

    /// <summary>The Command records of <paramref name="opcode"/> in the audit log: who sent it and the result.</summary>
    private static List<(uint User, byte Result)> Commands(SimulatedLock sim, Opcode opcode)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        var found = new List<(uint, byte)>();
        for (int i = 0; i < count; i++)
        {
            int at = i * AuditRecord.Size;
            if ((AuditEvent)buffer[at + 8] == AuditEvent.Command && buffer[at + 22] == (byte)opcode)
            {
                found.Add((System.BitConverter.ToUInt32(buffer, at + 16), buffer[at + 9]));
            }
        }

        return found;
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
    public void Settings_made_for_another_kind_of_unit_are_refused_with_a_clear_error()
    {
        // A door unit's settings under a port unit would leave it neither mains-fed nor with a building's audit ring.
        var error = Assert.Throws<System.ArgumentException>(() => new SimulatedLock(new LockSetup { Kind = UnitKind.Port, Settings = new LockSettings() }));

        Assert.Contains("LockSettings.For(Port)", error.Message);
        SimulatedLock port = new(new LockSetup { Kind = UnitKind.Port, Settings = LockSettings.For(UnitKind.Port) });
        Assert.True(port.Core.Mains.Fed);
        Assert.Equal((StorageLayout.BuildingAuditSegments - 1) * StorageLayout.AuditRecordsPerSegment, port.Core.AuditLog.Capacity);
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
