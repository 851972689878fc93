using System;
using System.Collections.Generic;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Puts the events of many locks into the fleet's one order, (time, lock id, the lock's own
/// order): the order a single-threaded run would publish them in, whichever thread ran which lock.
/// </summary>
internal static class FleetEventMerge
{
    public static PendingEvent[] Merge(FleetLock[] locks)
    {
        var taken = new List<PendingEvent>[locks.Length];
        int total = 0;
        for (int i = 0; i < locks.Length; i++)
        {
            taken[i] = locks[i].TakeEvents();
            total += taken[i].Count;
        }

        var merged = new PendingEvent[total];
        int at = 0;
        foreach (List<PendingEvent> events in taken)
        {
            events.CopyTo(merged, at);
            at += events.Count;
        }

        Array.Sort(merged, Compare);
        return merged;
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
