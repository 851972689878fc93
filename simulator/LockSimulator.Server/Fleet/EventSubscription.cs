using System.Threading.Channels;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// One reader of the event log (a WebSocket): a bounded queue, so a reader that stops reading
/// cannot make the server hoard events; when it overflows the reader is cut off and told where to resume.
/// </summary>
internal sealed class EventSubscription
{
    public const int Capacity = 65_536;

    private readonly Channel<FleetEvent> _queue = Channel.CreateBounded<FleetEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly uint? _lockId;

    public EventSubscription(uint? lockId)
    {
        _lockId = lockId;
    }

    public ChannelReader<FleetEvent> Reader => _queue.Reader;

    /// <summary>Set when the reader fell behind and was cut off: the last event it was given.</summary>
    public long? OverflowedAfter { get; private set; }

    /// <summary>Called under the log's lock, in sequence order.</summary>
    public void Offer(FleetEvent e)
    {
        if (OverflowedAfter != null || (_lockId != null && e.LockId != _lockId))
        {
            return;
        }

        if (!_queue.Writer.TryWrite(e))
        {
            OverflowedAfter = e.Seq - 1;
            _queue.Writer.TryComplete();
        }
    }

    public void Close() => _queue.Writer.TryComplete();
}
