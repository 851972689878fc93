using System;
using System.Runtime;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A large fleet's locks are created with the collector held off. Nearly everything creating a
/// lock allocates stays alive for the whole day, so each collection while the fleet is being
/// created would only mark and copy the locks made so far once more, and the full ones come
/// more often as the heap grows. Held off, the collector meets the new locks once, at its first
/// collection of the day: at 50 000 locks 3 collections (1 full) and 2.8–6.4 s paused in the
/// day instead of 4 (3 full) and 5.5–9.4 s (two runs each on a loaded machine). The price is
/// memory: creation's garbage (a third of what it allocates) stays until that first collection,
/// 0.1–0.2 GiB more peak at 50 000 locks (a collection forced right after creation cost more
/// peak, not less, and more pause). Only
/// from <see cref="Gen0Budget.FromLocks"/>, where the large gen-0 budget already trades memory
/// for fewer collections; a test host's small fleets never come here.
/// </summary>
internal sealed class CreationWithoutCollections : IDisposable
{
    /// <summary>What creating one lock allocates at most (its phones and plan included; about 43 KiB measured), with room.</summary>
    public const long BytesPerLock = 64 * 1024;

    private CreationWithoutCollections()
    {
    }

    /// <summary>Holds collections off while <paramref name="locks"/> locks are created; null when the fleet is small or the runtime cannot.</summary>
    public static CreationWithoutCollections? Begin(int locks)
    {
        if (locks < Gen0Budget.FromLocks)
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
