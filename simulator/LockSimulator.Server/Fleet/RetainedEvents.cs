using System;
using System.Numerics;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// The latest events of the log as they were published (values, not objects): a ring indexed
/// by sequence number, since the retained events are always the consecutive ones up to the
/// last. It grows to its capacity as events come, so a small server does not hold a full ring.
/// </summary>
internal sealed class RetainedEvents
{
    private readonly int _capacity;
    private PendingEvent[] _ring = new PendingEvent[1_024];
    private long _last;
    private int _count;

    /// <param name="capacity">A power of two.</param>
    public RetainedEvents(int capacity)
    {
        if (capacity < _ring.Length || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "a power of two, at least 1024");
        }

        _capacity = capacity;
    }

    /// <summary>Keeps <paramref name="events"/>, the last of which is numbered <paramref name="last"/> (the one before them <c>last - events.Length</c>).</summary>
    public void Add(EventBatch events, long last)
    {
        long want = Math.Min(_capacity, (long)_count + events.Length);
        if (want > _ring.Length)
        {
            Grow((int)Math.Min((ulong)_capacity, BitOperations.RoundUpToPowerOf2((ulong)want)));
        }

        int keep = Math.Min(events.Length, _ring.Length);
        long seq = last - keep + 1;
        for (int i = events.Length - keep; i < events.Length; i++)
        {
            _ring[Slot(seq++)] = events[i];
        }

        _last = last;
        _count = (int)Math.Min(_ring.Length, (long)_count + events.Length);
    }

    /// <summary>Retained events numbered above <paramref name="since"/>, at most <paramref name="limit"/>, as readers see them.</summary>
    public FleetEvent[] After(long since, int limit)
    {
        long oldest = _last - _count + 1;
        if (since >= _last || limit <= 0)
        {
            return [];
        }

        long from = since < oldest ? oldest : since + 1;
        var found = new FleetEvent[(int)Math.Min(limit, _last - from + 1)];
        for (int i = 0; i < found.Length; i++)
        {
            found[i] = _ring[Slot(from + i)].Published(from + i);
        }

        return found;
    }

    private int Slot(long seq) => (int)(seq & (_ring.Length - 1));

    private void Grow(int size)
    {
        var grown = new PendingEvent[size];
        for (long seq = _last - _count + 1; seq <= _last; seq++)
        {
            grown[seq & (size - 1)] = _ring[Slot(seq)];
        }

        _ring = grown;
    }
}
