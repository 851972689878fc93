using System;
using System.Linq;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Tests;

/// <summary>
/// A fleet that publishes an advance's events behind the next advance keeps its log whole and
/// in time order when a lock fails part-way through an advance: the lock is isolated with a fault
/// event, the other locks' events of that hour are published, and the fleet goes on advancing.
/// </summary>
public class PublishBehindTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void A_lock_failing_mid_advance_leaves_the_log_in_order_and_the_fleet_advancing()
    {
        var fleet = new LockFleet(seed: 2, keepTraces: false) { PublishBehind = true };
        for (uint id = 1; id <= 40; id++)
        {
            fleet.Create(new CreateLockRequest { LockId = id });
        }

        // Every lock's door opens and closes each half hour, so every advance has events to publish.
        foreach (FleetLock l in fleet.Locks)
        {
            fleet.Act(l, target =>
            {
                for (long t = 0; t < 4 * Hour; t += Hour / 2)
                {
                    target.Sim.Door(t + 60_000, open: true);
                    target.Sim.Door(t + 120_000, open: false);
                }

                return 0;
            });
        }

        fleet.Advance(Hour);
        fleet.Act(fleet.Get(17), target =>
        {
            target.Sim.At(Hour + Hour / 2, () => throw new InvalidOperationException("a lock's fault for the test"));
            return 0;
        });

        fleet.Advance(Hour);
        Assert.Contains("a lock's fault for the test", fleet.Get(17).Fault);
        fleet.Advance(Hour);
        fleet.Advance(Hour);
        fleet.FinishPublishing();

        FleetEvent[] log = fleet.Events.Since(0, 1_000_000).Events;
        Assert.True(log.Length > 40 * 8, $"{log.Length} events");
        for (int i = 1; i < log.Length; i++)
        {
            Assert.True(log[i].TimeMs >= log[i - 1].TimeMs, $"event {log[i].Seq} at {log[i].TimeMs} ms follows one at {log[i - 1].TimeMs} ms");
        }

        // The hour the lock failed in reached the log: its fault, and the other locks' doors after it.
        Assert.Single(log, e => e.Kind == "fault" && e.LockId == 17);
        Assert.Contains(log, e => e.Kind == "door" && e.LockId != 17 && e.TimeMs > Hour + Hour / 2 && e.TimeMs < 2 * Hour);
        Assert.DoesNotContain(log, e => e.Kind == "door" && e.LockId == 17 && e.TimeMs > Hour + Hour / 2);
        // And the last hour, published behind, is in once FinishPublishing returns.
        Assert.Equal(39 * 4, log.Count(e => e.Kind == "door" && e.TimeMs > 3 * Hour));
    }
}
