using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Events to publish, in the log's order: an array as it is, or the events of a merge read
/// through its order (<see cref="FleetEventMerge"/>), so the merge need not copy a large
/// batch into a second array before it is written out.
/// </summary>
internal readonly struct EventBatch
{
    private readonly PendingEvent[] _events;
    private readonly int[]? _order;

    public EventBatch(PendingEvent[] events)
        : this(events, null, events.Length)
    {
    }

    /// <param name="events">The events, in any order.</param>
    /// <param name="order">Where the i-th event of the batch is in <paramref name="events"/>; null: in place.</param>
    /// <param name="length">How many there are.</param>
    public EventBatch(PendingEvent[] events, int[]? order, int length)
    {
        if ((uint)length > (uint)events.Length || (order != null && length > order.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        _events = events;
        _order = order;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The <paramref name="index"/>-th event of the batch.</summary>
    public ref readonly PendingEvent this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ref _order == null ? ref _events[index] : ref _events[_order[index]];
        }
    }

    /// <summary>
    /// Asks the processor to bring the <paramref name="index"/>-th event of a merged batch into
    /// its cache, ahead of reading it. Only a hint: if the collector moves the array meanwhile, a
    /// stale line is fetched and nothing else happens (a prefetch never faults).
    /// </summary>
    public unsafe void Prefetch(int index)
    {
        if (_order != null && Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _events[_order[index]]));
        }
    }

    public static implicit operator EventBatch(PendingEvent[] events) => new(events);
}
