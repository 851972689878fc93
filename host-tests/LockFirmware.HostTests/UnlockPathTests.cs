using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;
using LockSimulator.Tracing;
using LockFirmware.Protocol.Client;

namespace LockFirmware.HostTests;

/// <summary>The walking skeleton's path: BLE bytes in, the motor to the end stop, state, event out.</summary>
public class UnlockPathTests
{
    private static readonly LockSetup Setup = new() { StartFraction = 0 };

    [Fact]
    public void Unlock_command_drives_the_bolt_to_the_unlocked_end_and_notifies_the_state()
    {
        var sim = new SimulatedLock(Setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(100, Opcode.Unlock);
        sim.RunUntil(5_000);

        Assert.Equal(LockState.Unlocked, sim.Core.State);
        Assert.True(sim.BoltFraction > 0.95, $"bolt at {sim.BoltFraction:P0}");
        Assert.Equal(1, sim.Core.CompletedUnlocks);
        Assert.Equal(ResultCode.Ok, phone.Last(Opcode.Unlock).Result);
        var stateEvent = Assert.IsType<StateChanged>(phone.Events.Last());
        Assert.Equal(LockState.Unlocked, stateEvent.State);
        Assert.Equal(MotorAlarm.None, stateEvent.Alarm);
    }

    [Fact]
    public void A_move_command_s_round_ends_at_the_motor_start_and_the_next_round_answers_it()
    {
        var sim = new SimulatedLock(Setup);
        var link = new RawLink(sim);
        PhoneSession session = link.OpenSession();
        int answers = link.Messages.Count;
        uint auditBefore = sim.Core.AuditLog.NextSequence;
        byte[] write = Fragments.Split(session.Command(Opcode.Unlock)).Single();

        sim.Core.Inputs.Post(LockFirmware.Events.InputKind.BleWrite, write, 0, write.Length);
        sim.Core.Process();

        Assert.Equal(LockState.Unlocking, sim.Core.State);
        Assert.Equal(answers, link.Messages.Count);
        Assert.Equal(auditBefore, sim.Core.AuditLog.NextSequence);
        Assert.Equal(sim.Now, sim.Core.NextDueAt);

        sim.Core.Process();

        Assert.Equal(answers + 1, link.Messages.Count);
        Assert.Equal(ResultCode.Ok, session.ReadResponse(link.Last).Result);
        Assert.Equal(auditBefore + 1, sim.Core.AuditLog.NextSequence);
        Assert.NotEqual(sim.Now, sim.Core.NextDueAt);
    }

    [Fact]
    public void State_is_reported_only_after_the_motor_has_stopped()
    {
        var sim = new SimulatedLock(Setup);
        SimulatedPhone.Staff(sim).Send(100, Opcode.Unlock);
        sim.RunUntil(5_000);

        long unlockedAt = sim.Trace.Events.FirstTime(Signals.State, "Unlocked");
        long lastMotorChange = sim.Trace.Events.On(Signals.Motor).Last().TimeMs;
        Assert.Equal("coast", sim.Trace.Events.On(Signals.Motor).Last().Value);
        Assert.True(unlockedAt >= lastMotorChange);
    }

    [Fact]
    public void Unlock_then_lock_returns_the_bolt_and_counts_both_cycles()
    {
        var sim = new SimulatedLock(Setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(100, Opcode.Unlock);
        phone.Send(4_000, Opcode.Lock);
        sim.RunUntil(8_000);

        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.True(sim.BoltFraction < 0.05, $"bolt at {sim.BoltFraction:P0}");
        Assert.Equal(1, sim.Core.CompletedUnlocks);
        Assert.Equal(1, sim.Core.CompletedLocks);
    }

    [Fact]
    public void Travel_takes_a_plausible_time_for_the_reference_unit()
    {
        var sim = new SimulatedLock(Setup);
        SimulatedPhone.Staff(sim).Send(100, Opcode.Unlock);
        sim.RunUntil(5_000);

        long start = sim.Trace.Events.FirstTime(Signals.Motor, "unlock");
        long end = sim.Trace.Events.FirstTime(Signals.Motor, "brake");
        Assert.InRange(end - start, 600, 2_000);
    }
}
