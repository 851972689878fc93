using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Puts the events of many locks into the fleet's one order, (time, lock id, the lock's own
/// order): the order a single-threaded run would publish them in, whichever thread ran which lock.
/// </summary>
internal static class FleetEventMerge
{
    /// <summary>Moves every lock's events into <paramref name="merged"/> (emptied first, its capacity kept for the next hour) in the fleet's order.</summary>
    public static void Merge(FleetLock[] locks, List<PendingEvent> merged)
    {
        merged.Clear();
        foreach (FleetLock source in locks)
        {
            source.MoveEventsTo(merged);
        }

        CollectionsMarshal.AsSpan(merged).Sort(Compare);
    }

    private static int Compare(PendingEvent a, PendingEvent b)
    {
        int byTime = a.TimeMs.CompareTo(b.TimeMs);
        if (byTime != 0)
        {
            return byTime;
        }

        int byLock = a.LockId.CompareTo(b.LockId);
        return byLock != 0 ? byLock : a.Order.CompareTo(b.Order);
    }
}
