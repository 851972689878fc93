using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 13: when the managed code hangs, throws, or is stopped by a GC pause or a slow flash
/// commit, the motor and the test load are off within the guard's bound, the fault is counted,
/// and the lock recovers; under ideal and device timing.
/// </summary>
public class FaultInjectionTests
{
    private const long MoveAt = 1_000;
    private const long MidMove = 1_300;

    private static readonly int GuardMs = new LockSettings().GuardMs;

    /// <summary>The guard's bound after the last check-in: its own time, then the tick and quantum of its managed callback.</summary>
    private static readonly int Bound = GuardMs + Timings.WakeSlackMs;

    private static (SimulatedLock Sim, SimulatedPhone Phone) Unlocking(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        SimulatedPhone phone = Timings.WithSession(sim);
        phone.Send(MoveAt, Opcode.Unlock);
        return (sim, phone);
    }

    private static long MotorStoppedAt(SimulatedLock sim, long after) => sim.Trace.Events.FirstTime(Signals.Motor, "coast", after);

    private static void AssertRecovers(SimulatedLock sim, SimulatedPhone phone)
    {
        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(10_000);
        Assert.Equal(LockState.Locked, sim.Core.State);
        Assert.True(sim.BoltFraction < 0.05);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_hang_mid_move_is_stopped_by_the_guard_within_its_bound_then_counted(TimingProfile profile, int seed)
    {
        var (sim, phone) = Unlocking(profile, seed);
        sim.InjectHang(MidMove, 1_500);
        sim.RunUntil(MidMove + 1_000);

        Assert.Equal(1, sim.Guard.Trips);
        Assert.InRange(sim.Guard.FirstSilenceMs, GuardMs, Bound);
        long stopped = MotorStoppedAt(sim, MidMove);
        Assert.InRange(stopped - MidMove, 0, Bound);
        Assert.False(sim.Physics.TestLoadOn);

        sim.RunFor(2_000);
        Assert.Equal(LockState.Unknown, sim.Core.State);
        Assert.Equal(MotorAlarm.Guard, sim.Core.LastAlarm);
        Assert.Equal(1, sim.Core.FaultCount);
        Assert.Equal(0, sim.FaultRestarts);
        AssertRecovers(sim, phone);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_dispatcher_that_never_comes_back_is_restarted_by_the_guard(TimingProfile profile, int seed)
    {
        var (sim, phone) = Unlocking(profile, seed);
        sim.InjectHang(MidMove, 60_000);
        sim.RunUntil(MidMove + 5_000);

        Assert.InRange(MotorStoppedAt(sim, MidMove) - MidMove, 0, Bound);
        Assert.Equal(1, sim.FaultRestarts);
        Assert.Equal(LockState.Unknown, sim.Core.State);
        AssertRecovers(sim, phone);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void An_adapter_that_throws_mid_move_is_contained_counted_in_flash_and_the_unit_restarts(TimingProfile profile, int seed)
    {
        var (sim, phone) = Unlocking(profile, seed);
        sim.InjectAdapterThrow(MidMove);
        sim.RunUntil(MidMove + 1_000);

        long faultAt = sim.Trace.Events.On(Signals.Fault).Last().TimeMs;
        Assert.InRange(MotorStoppedAt(sim, MidMove), MidMove, faultAt);
        Assert.Equal(1, sim.FaultRestarts);
        Assert.Equal(0, sim.Guard.Trips);
        // The count survived the restart: it is in flash, and the status reports it.
        Assert.Equal(1, sim.Core.FaultCount);
        phone.Send(sim.Now, Opcode.Status);
        sim.RunFor(3_000);
        Assert.Equal(1, phone.Last(Opcode.Status).Payload[11]);
        AssertAuditHas(sim, AuditEvent.Fault);
        AssertRecovers(sim, phone);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_callback_that_throws_during_the_self_test_drops_the_load_and_restarts(TimingProfile profile, int seed)
    {
        var sim = new SimulatedLock(Timings.Setup(profile, seed));
        sim.PressButton(1_000);
        sim.InjectCallbackThrow(1_500);
        sim.RunUntil(1_400);
        Assert.True(sim.Physics.TestLoadOn);

        sim.RunUntil(3_000);
        long loadOff = sim.Trace.Events.FirstTime(Signals.TestLoad, "0", 1_400);
        Assert.InRange(loadOff - 1_500, 0, Timings.WakeSlackMs);
        Assert.Equal(1, sim.FaultRestarts);
        Assert.Equal(1, sim.Core.FaultCount);
        Assert.False(sim.Board.GreenOn);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_short_GC_pause_mid_move_is_ridden_out_a_long_one_is_cut_off_when_it_ends(TimingProfile profile, int seed)
    {
        var (quick, _) = Unlocking(profile, seed);
        quick.InjectGcPause(MidMove, 200);
        quick.RunUntil(10_000);
        Assert.Equal(LockState.Unlocked, quick.Core.State);
        Assert.Equal(0, quick.Guard.Trips);

        var (sim, phone) = Unlocking(profile, seed);
        sim.InjectGcPause(MidMove, 900);
        sim.RunUntil(MidMove + 2_000);
        // No managed thread runs during a GC, the guard's neither: it fires when the pause ends.
        Assert.Equal(1, sim.Guard.Trips);
        Assert.InRange(MotorStoppedAt(sim, MidMove) - MidMove, 900, 900 + Timings.WakeSlackMs);
        Assert.Equal(MotorAlarm.Guard, sim.Core.LastAlarm);
        AssertRecovers(sim, phone);
    }

    [Theory]
    [MemberData(nameof(Timings.ProfilesAndSeeds), MemberType = typeof(Timings))]
    public void A_slow_flash_commit_mid_move_is_cut_off_when_it_ends(TimingProfile profile, int seed)
    {
        var (sim, phone) = Unlocking(profile, seed);
        // A status read mid-move appends its audit record: that commit takes 900 ms.
        sim.InjectSlowFlashCommit(MidMove, 900);
        phone.Send(MidMove, Opcode.Status);
        sim.RunUntil(MidMove + 3_000);

        Assert.Equal(1, sim.Guard.Trips);
        Assert.InRange(MotorStoppedAt(sim, MidMove) - MidMove, 900, 900 + 2 * Timings.WakeSlackMs);
        Assert.Equal(MotorAlarm.Guard, sim.Core.LastAlarm);
        Assert.Equal(1, sim.Core.FaultCount);
        AssertRecovers(sim, phone);
    }

    private static void AssertAuditHas(SimulatedLock sim, AuditEvent kind)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        Assert.Contains(Enumerable.Range(0, count), i => buffer[i * AuditRecord.Size + AuditRecord.EventOffset] == (byte)kind);
    }
}
