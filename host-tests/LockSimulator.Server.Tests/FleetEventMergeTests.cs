using System;
using System.Collections.Generic;
using System.Linq;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Tests;

/// <summary>
/// The merge puts a batch in (time, lock id, the lock's own order) whichever key width it needs
/// and whether it sorts on one thread or both; the log's digest is the same for either way of
/// writing its lines.
/// </summary>
public class FleetEventMergeTests
{
    public static TheoryData<uint, long> Spreads => new()
    {
        { 200, 3_600_000 },                 // an hour of a fleet: one 64-bit key per event
        { uint.MaxValue - 7, LockFleet.MaxAdvanceMs }, // any lock id over a week: 128-bit keys
    };

    [Theory]
    [MemberData(nameof(Spreads))]
    public void Events_come_out_by_time_then_lock_then_the_locks_own_order(uint idSpread, long timeSpread)
    {
        var random = new Random(5);
        var merge = new FleetEventMerge();
        IReadOnlyList<List<PendingEvent>> lists = merge.Lists(3 * FleetEventMerge.Chunk);
        var gathered = new List<PendingEvent>();
        for (int c = 0; c < 3; c++)
        {
            for (int i = 0; i < 3_000; i++)
            {
                // Few distinct times and locks, so many events tie on both and only their place orders them.
                long time = 1_000 + random.Next(4) * (timeSpread / 3);
                uint lockId = 5 + (uint)random.Next(3) * (idSpread / 2);
                var e = new PendingEvent(time, lockId, "door", $"{c}.{i}");
                lists[c].Add(e);
                gathered.Add(e);
            }
        }

        PendingEvent[] expected = gathered.Select((e, place) => (e, place)).OrderBy(p => p.e.TimeMs).ThenBy(p => p.e.LockId).ThenBy(p => p.place).Select(p => p.e).ToArray();
        merge.Gather();
        Assert.All(lists, list => Assert.Empty(list));
        Assert.Equal(expected, Events(merge.Order(onBothCores: true)));
        Assert.Equal(expected, Events(merge.Order(onBothCores: false)));
        merge.Release();
        merge.Gather();
        Assert.Equal(0, merge.Order(onBothCores: true).Length);
    }

    [Fact]
    public void The_digest_is_the_same_written_on_one_thread_or_both()
    {
        PendingEvent[] batch = Enumerable.Range(0, 40_000).Select(i => new PendingEvent(i / 3, (uint)(i % 11), "door", i % 5 == 0 ? "<open>" : "closed", i % 7 == 0 ? ["jam", "low"] : null)).ToArray();
        var both = new EventLog();
        var one = new EventLog();
        both.Publish(batch[..30_000]);
        both.Publish(batch[30_000..]);
        one.Publish(batch[..30_000], onBothCores: false);
        one.Publish(batch[30_000..], onBothCores: false);
        Assert.Equal(both.Digest(), one.Digest());
        Assert.Equal(40_000, one.Digest().Count);
    }

    private static PendingEvent[] Events(EventBatch batch) => Enumerable.Range(0, batch.Length).Select(i => batch[i]).ToArray();
}
