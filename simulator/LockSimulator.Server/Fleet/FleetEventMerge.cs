using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Puts the events of many locks into the fleet's one order, (time, lock id, the lock's own
/// order): the order a single-threaded run would publish them in, whichever thread ran which
/// lock. The locks of an advance are run in chunks, each appending its locks' events to its
/// own list (<see cref="Lists"/>). All buffers are kept from one advance to the next (an hour
/// of a large fleet would otherwise make fresh large-object arrays every time).
/// </summary>
internal sealed class FleetEventMerge
{
    /// <summary>Locks run one after another into one list: a few milliseconds of work, so both cores stay busy to the end.</summary>
    public const int Chunk = 256;

    private readonly List<List<PendingEvent>> _lists = new();
    private readonly List<PendingEvent> _gathered = new();
    private UInt128[] _keys = [];
    private UInt128[] _sorted = [];
    private PendingEvent[] _merged = [];

    /// <summary>An empty list for each chunk of <paramref name="locks"/> locks, in chunk order.</summary>
    public IReadOnlyList<List<PendingEvent>> Lists(int locks)
    {
        int chunks = (locks + Chunk - 1) / Chunk;
        while (_lists.Count < chunks)
        {
            _lists.Add(new List<PendingEvent>());
        }

        return _lists;
    }

    /// <summary>
    /// Takes the events the chunks' lists got and returns them in the fleet's order, valid until
    /// <see cref="Release"/>. Each event is sorted by one number, its time (from the earliest),
    /// its lock id and its place in the gathered events; a lock's events are appended to one
    /// list in the lock's own order, so their places order them as the lock did.
    /// </summary>
    public ReadOnlyMemory<PendingEvent> Merge()
    {
        foreach (List<PendingEvent> list in _lists)
        {
            _gathered.AddRange(list);
            list.Clear();
        }

        ReadOnlySpan<PendingEvent> gathered = CollectionsMarshal.AsSpan(_gathered);
        if (_keys.Length < gathered.Length)
        {
            // With room to spare: the busiest hour of a day comes after quieter ones.
            int size = gathered.Length + gathered.Length / 2;
            _keys = new UInt128[size];
            _sorted = new UInt128[size];
            _merged = new PendingEvent[size];
        }

        long earliest = long.MaxValue;
        foreach (PendingEvent e in gathered)
        {
            earliest = Math.Min(earliest, e.TimeMs);
        }

        Span<UInt128> keys = _keys.AsSpan(0, gathered.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = new UInt128(unchecked((ulong)(gathered[i].TimeMs - earliest)), (ulong)gathered[i].LockId << 32 | (uint)i);
        }

        SortInHalves(gathered.Length);
        Parallel.For(0, Halves, half =>
        {
            (int from, int to) = Half(half, _gathered.Count);
            ReadOnlySpan<PendingEvent> all = CollectionsMarshal.AsSpan(_gathered);
            for (int i = from; i < to; i++)
            {
                _merged[i] = all[(int)(uint)_sorted[i]];
            }
        });

        return _merged.AsMemory(0, gathered.Length);
    }

    /// <summary>The keys are sorted in two halves, one per core, then the halves merged: the same order as one sort, as the keys are distinct.</summary>
    private const int Halves = 2;

    private static (int From, int To) Half(int half, int count) => (half * (count / 2), half == 0 ? count / 2 : count);

    /// <summary>Sorts the first <paramref name="count"/> keys into <see cref="_sorted"/>.</summary>
    private void SortInHalves(int count)
    {
        Parallel.For(0, Halves, half =>
        {
            (int from, int to) = Half(half, count);
            _keys.AsSpan(from, to - from).Sort();
        });

        int a = 0, b = count / 2, end = count / 2;
        for (int i = 0; i < count; i++)
        {
            _sorted[i] = b == count || (a < end && _keys[a] < _keys[b]) ? _keys[a++] : _keys[b++];
        }
    }

    /// <summary>Lets go of the last merge's events (their strings and names are not held until the next).</summary>
    public void Release()
    {
        Array.Clear(_merged, 0, _gathered.Count);
        _gathered.Clear();
    }
}
