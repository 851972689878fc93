using System;
using System.Linq;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.FleetDay;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>Locks built apart from the fleet (on several threads) and added in order are the locks Create makes.</summary>
public class FleetBuildTests
{
    [Fact]
    public void Locks_built_in_parallel_and_added_in_order_give_the_event_log_of_one_by_one_creation()
    {
        var oneByOne = new LockFleet(seed: 5, keepTraces: false);
        var built = new LockFleet(seed: 5, keepTraces: false);
        var locks = new FleetLock[40];

        for (uint i = 0; i < locks.Length; i++)
        {
            oneByOne.Create(new CreateLockRequest { LockId = 500 + i });
        }

        Parallel.For(0, locks.Length, i => locks[i] = built.Build(new CreateLockRequest { LockId = 500 + (uint)i }));
        foreach (FleetLock made in locks)
        {
            built.Add(made);
        }

        oneByOne.Advance(3_600_000);
        built.Advance(3_600_000);
        Assert.Equal(oneByOne.Events.Digest(), built.Events.Digest());
        Assert.Equal(oneByOne.Locks.Select(l => l.Id), built.Locks.Select(l => l.Id));
    }

    [Fact]
    public void Locks_built_in_batches_on_every_core_join_the_fleet_in_index_order()
    {
        var oneByOne = new LockFleet(seed: 3, keepTraces: false);
        var ordered = new LockFleet(seed: 3, keepTraces: false);
        const int count = 300;
        for (uint i = 0; i < count; i++)
        {
            oneByOne.Create(new CreateLockRequest { LockId = 9_000 + i });
        }

        OrderedCreation.Run(ordered, count, i => ordered.Build(new CreateLockRequest { LockId = 9_000 + (uint)i }));

        Assert.Equal(count, ordered.Count);
        Assert.Equal(oneByOne.Events.Digest(), ordered.Events.Digest());
        Assert.Equal(Enumerable.Range(9_000, count).Select(id => (uint)id), ordered.Events.Since(0, 10_000).Events.Where(e => e.Kind == "created").Select(e => e.LockId));
    }

    [Fact]
    public void A_built_lock_whose_id_is_taken_is_refused_and_the_fleet_is_unchanged()
    {
        var fleet = new LockFleet(seed: 1);
        fleet.Create(new CreateLockRequest { LockId = 7 });
        FleetLock twin = fleet.Build(new CreateLockRequest { LockId = 7 });
        EventDigestView before = fleet.Events.Digest();

        ApiProblem refused = Assert.Throws<ApiProblem>(() => fleet.Add(twin));

        Assert.Equal(409, refused.Status);
        Assert.Equal(1, fleet.Count);
        Assert.Equal(before, fleet.Events.Digest());
    }

    [Fact]
    public void A_lock_built_before_the_fleet_moved_on_is_refused()
    {
        var fleet = new LockFleet(seed: 1);
        FleetLock early = fleet.Build(new CreateLockRequest { LockId = 8 });
        fleet.Advance(1_000);

        Assert.Throws<InvalidOperationException>(() => fleet.Add(early));
        Assert.Equal(0, fleet.Count);
    }
}
