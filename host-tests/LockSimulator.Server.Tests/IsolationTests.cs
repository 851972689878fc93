using System;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>A lock whose simulation fails is isolated; the rest of the fleet runs on.</summary>
public class IsolationTests
{
    [Fact]
    public void A_failing_lock_is_marked_faulted_and_stops_while_the_others_advance()
    {
        var fleet = new LockFleet(seed: 1);
        fleet.Create(new CreateLockRequest { LockId = 1 });
        FleetLock failing = fleet.Create(new CreateLockRequest { LockId = 2 });
        failing.Use(() => failing.Sim.At(failing.Sim.Now + 1_000, () => throw new InvalidOperationException("simulated engine failure")));

        fleet.Advance(60_000);

        Assert.Equal(60_000, fleet.Get(1).FleetNow);
        Assert.Contains("simulated engine failure", failing.Fault);
        Assert.Equal(1_000, failing.FleetNow);
        ApiProblem refused = Assert.Throws<ApiProblem>(() => fleet.Act(2, l => l.DoorOpen = true));
        Assert.Equal(409, refused.Status);
        Assert.Contains(fleet.Events.Since(0, 100).Events, e => e.LockId == 2 && e.Kind == "fault");
    }
}
