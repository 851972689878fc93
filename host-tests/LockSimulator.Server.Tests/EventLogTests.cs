using System.Linq;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Tests;

/// <summary>The event log's readers are bounded: one that falls behind is cut off and told where to resume.</summary>
public class EventLogTests
{
    [Fact]
    public void A_reader_more_than_its_capacity_behind_is_cut_off_with_where_to_resume()
    {
        var log = new EventLog();
        EventSubscription reader = log.Subscribe(lockId: null);
        log.Publish(Enumerable.Range(0, EventSubscription.Capacity + 10).Select(i => new PendingEvent(i, 1, "door", "open")).ToArray());

        int queued = 0;
        while (reader.Reader.TryRead(out _))
        {
            queued++;
        }

        Assert.Equal(EventSubscription.Capacity, queued);
        Assert.True(reader.Reader.Completion.IsCompleted);
        Assert.Equal(EventSubscription.Capacity, reader.OverflowedAfter);
        log.Unsubscribe(reader);
        Assert.Equal(0, log.Subscribers);
    }
}
