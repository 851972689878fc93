using System.Runtime;
using LockSimulator.Server.FleetDay;

namespace LockSimulator.Server.Tests;

/// <summary>Only a large fleet's creation holds the collector off, and the collector always runs again afterwards.</summary>
public class CreationWithoutCollectionsTests
{
    [Fact]
    public void A_small_fleet_is_created_with_collections_as_usual()
    {
        Assert.Null(CreationWithoutCollections.Begin(CreationWithoutCollections.FromLocks - 1));
    }

    [Fact]
    public void A_large_fleet_holds_collections_off_until_its_locks_are_made()
    {
        CreationWithoutCollections? region = CreationWithoutCollections.Begin(CreationWithoutCollections.FromLocks);
        Assert.NotNull(region);
        region.Dispose();

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
