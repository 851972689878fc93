using System.Threading.Channels;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// One reader of the event log (a WebSocket): a bounded queue of the live events, so a reader
/// that stops reading cannot make the server hoard events; when it overflows the reader is cut
/// off and told where to resume. Older events are read from the log's retained ones instead.
/// </summary>
internal sealed class EventSubscription
{
    /// <summary>Events one reader may be behind before it is cut off (about 1.5 MB of queued events at most).</summary>
    public const int Capacity = 8_192;

    private readonly Channel<FleetEvent> _queue = Channel.CreateBounded<FleetEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly uint? _lockId;

    public EventSubscription(uint? lockId, long after)
    {
        _lockId = lockId;
        After = after;
    }

    /// <summary>The last event published before the subscription began: live events follow it.</summary>
    public long After { get; }

    public ChannelReader<FleetEvent> Reader => _queue.Reader;

    /// <summary>Set when the reader fell behind and was cut off: the last event it was given.</summary>
    public long? OverflowedAfter { get; private set; }

    /// <summary>Whether an event of <paramref name="lockId"/> is for this reader (one cut off wants none).</summary>
    public bool Wants(uint lockId) => OverflowedAfter == null && (_lockId == null || lockId == _lockId);

    /// <summary>Called under the log's lock, in sequence order, with the events this reader <see cref="Wants"/>.</summary>
    public void Offer(FleetEvent e)
    {
        if (!_queue.Writer.TryWrite(e))
        {
            OverflowedAfter = e.Seq - 1;
            _queue.Writer.TryComplete();
        }
    }

    public void Close() => _queue.Writer.TryComplete();
}
