using System.Collections.Generic;
using System.Linq;
using LockSimulator.Server.FleetDay;

namespace LockSimulator.Server.Tests;

/// <summary>
/// A lock's day in a fleet is the day it has alone: locks run in parallel on whatever thread
/// and share only virtual time, so a sample of a fleet's locks re-run one at a time with the
/// same seed must log the very same events (issue 18).
/// </summary>
public class FleetEquivalenceTests
{
    private static readonly FleetDayOptions Fleet = new() { Locks = 40, Hours = 24, VisitsPerLock = 4, Seed = 11 };

    [Fact]
    public void Locks_re_run_alone_log_the_same_events_as_in_the_fleet()
    {
        int[] sample = [0, 17, 39];
        FleetDayReport fleet = FleetDayRun.Run(Fleet, watch: sample.Select(IdOf).ToArray());
        Assert.True(fleet.Failures == 0, fleet.FailureKinds);

        foreach (int index in sample)
        {
            FleetDayReport alone = FleetDayRun.Run(Fleet with { Locks = 1, FirstLock = index }, watch: [IdOf(index)]);
            IReadOnlyList<string> inFleet = fleet.WatchedLogs[IdOf(index)];
            Assert.Contains(inFleet, line => line.Contains(" state Unlocking"));
            Assert.Equal(inFleet, alone.WatchedLogs[IdOf(index)]);
        }

        // The sample differs lock to lock: the equality above is not two empty or planless days.
        Assert.NotEqual(fleet.WatchedLogs[IdOf(0)], fleet.WatchedLogs[IdOf(17)]);
    }

    [Fact]
    public void A_slice_of_the_fleet_logs_what_the_same_locks_log_in_the_whole_fleet()
    {
        FleetDayReport whole = FleetDayRun.Run(Fleet, watch: [IdOf(25)]);
        FleetDayReport slice = FleetDayRun.Run(Fleet with { Locks = 20, FirstLock = 20 }, watch: [IdOf(25)]);
        Assert.Equal(whole.WatchedLogs[IdOf(25)], slice.WatchedLogs[IdOf(25)]);
        Assert.NotEqual(whole.Digest, slice.Digest);
    }

    private static uint IdOf(int index) => FleetDayRun.FirstLockId + (uint)index;
}
