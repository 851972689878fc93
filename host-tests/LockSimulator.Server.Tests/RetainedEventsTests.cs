using System.Linq;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Tests;

/// <summary>The log keeps its latest events as values and makes them into readers' events on demand: the same pages as a queue of the last ones.</summary>
public class RetainedEventsTests
{
    [Fact]
    public void Pages_are_the_latest_events_after_the_asked_number_in_order()
    {
        var log = new EventLog();
        // Batches of uneven sizes, past the retained count, so the ring grows and wraps.
        long published = 0;
        foreach (int size in new[] { 1, 700, 3_000, 40_000, 30_000, 5 })
        {
            PendingEvent[] batch = Enumerable.Range(0, size).Select(i => new PendingEvent(published + i, (uint)(i % 7), "door", $"e{published + i + 1}")).ToArray();
            Assert.Equal(published + 1, log.Publish(batch));
            published += size;
        }

        long oldest = published - EventLog.Retained + 1;
        EventLogView all = log.Since(0, 10_000);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => oldest + i), all.Events.Select(e => e.Seq));
        Assert.All(all.Events, e => Assert.Equal($"e{e.Seq}", e.Value));
        Assert.Equal(oldest + 9_999, all.Next);

        EventLogView tail = log.Since(published - 3, 10);
        Assert.Equal([published - 2, published - 1, published], tail.Events.Select(e => e.Seq));
        Assert.Equal(new FleetEvent(published, published - 1, (uint)(4 % 7), "door", $"e{published}"), tail.Events[^1]);

        EventLogView none = log.Since(published, 10);
        Assert.Empty(none.Events);
        Assert.Equal(published, none.Next);
        Assert.Equal(published + 5, log.Since(published + 5, 10).Next);
        Assert.Equal(0, new EventLog().Since(-3, 10).Next);
        Assert.Equal([oldest], log.Since(long.MinValue, 1).Events.Select(e => e.Seq));
    }
}
