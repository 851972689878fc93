using System;
using System.Collections.Generic;
using System.Linq;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Tests;

/// <summary>
/// The merge puts a batch in (time, lock id, the lock's own order) whichever key width it needs
/// and whether it gathers and sorts on one thread or both; the log's digest is the same for
/// either way of writing its lines.
/// </summary>
public class FleetEventMergeTests
{
    public static TheoryData<uint, long> Spreads => new()
    {
        { 200, 3_600_000 },                            // an hour of a fleet: one 64-bit key per event
        { uint.MaxValue - 7, LockFleet.MaxAdvanceMs }, // any lock id over a week: 128-bit keys
    };

    [Theory]
    [MemberData(nameof(Spreads))]
    public void Events_come_out_by_time_then_lock_then_the_locks_own_order(uint idSpread, long timeSpread)
    {
        var random = new Random(5);
        // Few distinct times and locks, so many events tie on both and only their place orders them.
        PendingEvent[][] chunks = Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, 3_000).Select(i => new PendingEvent(
            1_000 + random.Next(4) * (timeSpread / 3), 5 + (uint)random.Next(3) * (idSpread / 2), "door", $"{c}.{i}")).ToArray()).ToArray();
        PendingEvent[] expected = chunks.SelectMany(c => c).Select((e, place) => (e, place))
            .OrderBy(p => p.e.TimeMs).ThenBy(p => p.e.LockId).ThenBy(p => p.place).Select(p => p.e).ToArray();

        var merge = new FleetEventMerge();
        foreach (bool onBothCores in new[] { true, false })
        {
            IReadOnlyList<List<PendingEvent>> lists = merge.Lists(3 * FleetEventMerge.Chunk);
            for (int c = 0; c < 3; c++)
            {
                lists[c].AddRange(chunks[c]);
            }

            // The next advance fills the other set of lists while this one is gathered.
            IReadOnlyList<List<PendingEvent>> next = merge.Lists(3 * FleetEventMerge.Chunk);
            Assert.NotSame(lists, next);
            next[1].Add(new PendingEvent(1, 1, "door", "next"));

            merge.Gather(lists, onBothCores);
            Assert.All(lists, list => Assert.Empty(list));
            Assert.Equal(expected, Events(merge.Order(onBothCores: true)));
            Assert.Equal(expected, Events(merge.Order(onBothCores: false)));
            merge.Release();

            merge.Gather(next, onBothCores);
            Assert.Equal([new PendingEvent(1, 1, "door", "next")], Events(merge.Order(onBothCores)));
            merge.Release();
        }
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
