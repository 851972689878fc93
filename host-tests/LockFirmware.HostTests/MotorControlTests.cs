using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>Issue 3: the thumb-turn on real doors — jams, stiff doors, weak batteries, faults, power loss.</summary>
public class MotorControlTests
{
    private static readonly MotorSettings Limits = new();

    private static (SimulatedLock Sim, SimulatedPhone Phone) LockedLock(LockSetup? setup = null)
    {
        setup ??= new LockSetup();
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.Lock);
        sim.RunUntil(5_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        return (sim, phone);
    }

    [Fact]
    public void Jam_at_30_percent_ends_Jammed_with_the_unlocking_alarm_within_the_on_time_limit()
    {
        var (sim, phone) = LockedLock();
        sim.Physics.JamAt = 0.3 * sim.Physics.Position + 0.3 * new MotorParameters().TravelRadians;
        long start = sim.Now;
        phone.Send(start, Opcode.Unlock);
        sim.RunUntil(start + 30_000);

        Assert.Equal(LockState.Jammed, sim.Core.State);
        Assert.Equal(MotorAlarm.JammedWhileUnlocking, sim.Core.LastAlarm);
        Assert.InRange(sim.BoltFraction, 0.0, 0.31);
        Assert.InRange(sim.Trace.Events.MotorOnMs(start), 1, Limits.MaxOnTimeMs);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.State), e => e.TimeMs > start && e.Value is "Unlocked" or "Locked");
    }

    [Fact]
    public void A_jam_clears_when_a_later_move_reaches_an_end_stop()
    {
        var (sim, phone) = LockedLock();
        sim.Physics.JamAt = 0.3 * new MotorParameters().TravelRadians;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(30_000);
        Assert.Equal(LockState.Jammed, sim.Core.State);

        sim.Physics.JamAt = null;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(15_000);

        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
        Assert.True(sim.BoltFraction > 0.95);
    }

    [Fact]
    public void A_stiff_door_completes_without_a_false_jam()
    {
        var (sim, phone) = LockedLock();
        sim.Physics.FrictionFactor = 2.0;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(15_000);

        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
    }

    [Fact]
    public void A_weak_battery_completes_without_a_false_jam()
    {
        var weak = new BatteryParameters { StateOfCharge = 0.055 };
        var (sim, phone) = LockedLock(new LockSetup { Battery = weak });
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(15_000);

        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
    }

    [Fact]
    public void An_open_motor_circuit_is_its_own_fault_and_stops_the_bridge()
    {
        var (sim, phone) = LockedLock();
        sim.Physics.OpenCircuit = true;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(5_000);

        Assert.Equal(MotorAlarm.OpenCircuit, sim.Core.LastAlarm);
        Assert.NotEqual(LockState.Unlocked, sim.Core.State);
        Assert.Equal("coast", sim.Trace.Events.On(Signals.Motor).Last().Value);
    }

    [Fact]
    public void A_shorted_motor_is_an_over_current_fault()
    {
        var (sim, phone) = LockedLock();
        sim.Physics.ShortCircuit = true;
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(5_000);

        Assert.Equal(MotorAlarm.OverCurrent, sim.Core.LastAlarm);
        Assert.Equal(LockState.Unknown, sim.Core.State);
    }

    [Fact]
    public void Power_loss_mid_travel_boots_Unknown_and_the_next_command_recovers()
    {
        var (sim, phone) = LockedLock();
        long start = sim.Now;
        phone.Send(start, Opcode.Unlock);
        sim.CutPower(start + 500);
        sim.RestorePower(start + 2_000);
        sim.RunUntil(start + 2_100);
        Assert.Equal(LockState.Unknown, sim.Core.State);
        Assert.InRange(sim.BoltFraction, 0.1, 0.9);

        // A fresh boot knows no counters yet: the phone goes on numbering from where it was.
        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(15_000);

        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.True(sim.BoltFraction < 0.05);
    }

    [Fact]
    public void A_thumb_turn_turned_by_hand_is_found_by_homing_not_reported_as_a_jam()
    {
        var (sim, phone) = LockedLock();
        phone.Send(sim.Now, Opcode.Unlock);
        sim.RunFor(5_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);

        // Someone locks by hand from inside: the lock still believes Unlocked.
        sim.Physics.SetPosition(0);
        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(15_000);

        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.Equal(MotorAlarm.None, sim.Core.LastAlarm);
        Assert.True(sim.BoltFraction < 0.05);
    }

    [Fact]
    public void A_duplicate_request_during_motion_is_acknowledged_without_a_second_move()
    {
        var (sim, phone) = LockedLock();
        long start = sim.Now;
        phone.Send(start, Opcode.Unlock);
        phone.Send(start + 300, Opcode.Unlock);
        sim.RunFor(5_000);

        Assert.Equal(ResultCode.AlreadyMoving, phone.Last(Opcode.Unlock).Result);
        Assert.Equal(1, sim.Trace.Events.On(Signals.Motor).Count(e => e.TimeMs >= start && e.Value == "unlock"));
        Assert.Equal(LockState.Unlocked, sim.Core.State);
    }

    [Fact]
    public void An_opposite_request_during_motion_reverses_at_once()
    {
        var (sim, phone) = LockedLock();
        long start = sim.Now;
        phone.Send(start, Opcode.Unlock);
        phone.Send(start + 400, Opcode.Lock);
        sim.RunFor(10_000);

        long reversedAt = sim.Trace.Events.FirstTime(Signals.Motor, "brake", start + 400);
        Assert.Equal(start + 400, reversedAt);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.True(sim.BoltFraction < 0.05);
    }

    [Fact]
    public void A_command_for_the_state_already_reached_is_a_no_op_success()
    {
        var (sim, phone) = LockedLock();
        long start = sim.Now;
        phone.Send(start, Opcode.Lock);
        sim.RunFor(1_000);

        Assert.Equal(ResultCode.AlreadyThere, phone.Last(Opcode.Lock).Result);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.TimeMs >= start && e.Value != "coast");
    }
}
