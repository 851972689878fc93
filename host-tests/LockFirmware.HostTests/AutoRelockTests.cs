using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>Issue 3's optional auto-relock and the fixes users asked other vendors for.</summary>
public class AutoRelockTests
{
    private const int Delay = 10_000;

    private static (SimulatedLock, SimulatedPhone) UnlockedWithRelock()
    {
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0, Settings = new LockSettings { AutoRelockMs = Delay } });
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.Unlock);
        sim.RunFor(3_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        return (sim, phone);
    }

    private static long UnlockedAt(SimulatedLock sim) => sim.Trace.Events.FirstTime(Signals.State, "Unlocked");

    [Fact]
    public void The_lock_relocks_the_delay_after_the_unlock_finished_and_reports_Locked_only_at_the_end()
    {
        var (sim, _) = UnlockedWithRelock();
        sim.RunFor(Delay + 5_000);

        long relockStart = sim.Trace.Events.FirstTime(Signals.Motor, "lock", UnlockedAt(sim));
        Assert.Equal(UnlockedAt(sim) + Delay, relockStart);
        Assert.Equal(LockState.Locked, sim.Core.State);
        long lockedAt = sim.Trace.Events.FirstTime(Signals.State, "Locked");
        Assert.Equal("coast", sim.Trace.Events.On(Signals.Motor).Last(e => e.TimeMs <= lockedAt).Value);
    }

    [Fact]
    public void No_relock_while_the_door_is_open_and_the_full_delay_after_it_closes()
    {
        var (sim, _) = UnlockedWithRelock();
        sim.Door(sim.Now, open: true);
        sim.RunFor(Delay * 3);
        Assert.Equal(LockState.Unlocked, sim.Core.State);

        long closedAt = sim.Now;
        sim.Door(closedAt, open: false);
        sim.RunFor(Delay + 5_000);
        Assert.Equal(closedAt + Delay, sim.Trace.Events.FirstTime(Signals.Motor, "lock", closedAt));
        Assert.Equal(LockState.Locked, sim.Core.State);
    }

    [Fact]
    public void A_lock_already_locked_by_staff_is_left_alone()
    {
        var (sim, phone) = UnlockedWithRelock();
        phone.Send(sim.Now, Opcode.Lock);
        sim.RunFor(3_000);
        long lockedAt = sim.Now;
        sim.RunFor(Delay * 2);

        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.TimeMs > lockedAt && e.Value is "lock" or "unlock");
        Assert.Equal(LockState.Locked, sim.Core.State);
    }

    [Fact]
    public void Off_by_default()
    {
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0 });
        SimulatedPhone.Staff(sim).Send(0, Opcode.Unlock);
        sim.RunFor(Delay * 10);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
    }
}
