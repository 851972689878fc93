using System;
using System.Runtime;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A large fleet's locks are created with the collector held off. Nearly everything creating a
/// lock allocates stays alive for the whole day, so each collection while the fleet is being
/// created would only mark and copy the locks made so far once more, and the full ones come
/// more often as the heap grows. The region sets aside <see cref="BytesPerLock"/> per lock; what
/// creation leaves of it is the day's allocation budget, and a fleet day allocates less than
/// that (46 KiB per lock-day in all at 200 000 locks in the third round, 34 KiB at 50 000 since),
/// so no collection runs in the whole day: at 200 000 locks one collection (the one that opens
/// the region), 0.02–0.06 s paused, and the peak is everything ever allocated; the same at
/// 50 000 with any gen-0 budget.
/// A day that allocates more meets the collector as usual once the budget is spent. Below
/// <see cref="FromLocks"/> collections are a small part of the run and holding them off only
/// adds peak memory.
/// </summary>
internal sealed class CreationWithoutCollections : IDisposable
{
    /// <summary>Fleets from this size on hold the collector off while their locks are created.</summary>
    public const int FromLocks = 50_000;

    /// <summary>What creating one lock allocates at most (its phones and plan included; 43 KiB measured in the third round, 24 KB since), with room.</summary>
    public const long BytesPerLock = 64 * 1024;

    private CreationWithoutCollections()
    {
    }

    /// <summary>Holds collections off while <paramref name="locks"/> locks are created; null when the fleet is small or the runtime cannot.</summary>
    public static CreationWithoutCollections? Begin(int locks)
    {
        if (locks < FromLocks)
        {
            return null;
        }

        try
        {
            return GC.TryStartNoGCRegion(locks * BytesPerLock) ? new CreationWithoutCollections() : null;
        }
        catch (InvalidOperationException)
        {
            // Another run in this process holds collections off already.
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the runtime will set aside: creation runs with collections as usual.
            return null;
        }
    }

    /// <summary>Lets the collector run again (if creation allocated more than set aside, it already has).</summary>
    public void Dispose()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // A collection ended the region between the check and the call: nothing left to end.
        }
    }
}
