using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// Builds a fleet's locks on every core and adds them to the fleet in index order as they
/// become ready. Building a lock (its firmware, files, phones and plan) depends on its index
/// alone, so any thread may build any lock; adding publishes the lock's first events, which the
/// event log numbers in order, so locks are added strictly by index. Whichever thread finishes a
/// batch adds every lock ready from the next index on: adding needs no thread of its own, and
/// no thread waits for another.
/// </summary>
internal static class OrderedCreation
{
    /// <summary>Locks one thread builds before it adds what is ready (batches are handed out in index order).</summary>
    private const int Batch = 64;

    /// <summary>Builds locks 0 … <paramref name="count"/> − 1 with <paramref name="build"/> and adds them to <paramref name="fleet"/> in that order.</summary>
    public static void Run(LockFleet fleet, int count, Func<int, FleetLock> build)
    {
        var built = new FleetLock?[count];
        var adding = new object();
        int next = 0;

        void AddReady()
        {
            // A thread already adding will take this batch too, or a later one will, or the end.
            if (!Monitor.TryEnter(adding))
            {
                return;
            }

            try
            {
                while (next < count && Volatile.Read(ref built[next]) is { } ready)
                {
                    fleet.Add(ready);
                    built[next++] = null;
                }
            }
            finally
            {
                Monitor.Exit(adding);
            }
        }

        Parallel.ForEach(Partitioner.Create(0, count, Batch), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                Volatile.Write(ref built[i], build(i));
            }

            AddReady();
        });

        lock (adding)
        {
            while (next < count)
            {
                fleet.Add(built[next]!);
                built[next++] = null;
            }
        }
    }
}
