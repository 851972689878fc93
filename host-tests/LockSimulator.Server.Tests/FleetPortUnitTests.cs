using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockSimulator.Server.FleetDay;

namespace LockSimulator.Server.Tests;

/// <summary>
/// The fleet day with customers behind shared port units (issue 21): every visit opens the
/// building's port unit before the customer's door, the port unit takes every customer's staff,
/// the day repeats from its seed, and a port unit re-run alone logs what it logs in the fleet.
/// </summary>
public class FleetPortUnitTests
{
    /// <summary>12 customers in buildings of 4: port units 0, 1 and 2.</summary>
    private static readonly FleetDayOptions Fleet = new() { Locks = 12, Hours = 24, VisitsPerLock = 4, Seed = 11, PortShare = 4 };

    private static readonly uint Port1 = FleetPortUnits.IdOf(1);

    /// <summary>Customer 5 lives behind port unit 1.</summary>
    private static readonly uint Door5 = FleetDayRun.FirstLockId + 5;

    [Fact]
    public void Every_visit_opens_the_port_unit_first_and_the_day_repeats_from_its_seed()
    {
        FleetDayReport first = FleetDayRun.Run(Fleet, watch: [Port1, Door5]);
        FleetDayReport again = FleetDayRun.Run(Fleet);

        Assert.True(first.Failures == 0, first.FailureKinds);
        FleetPortReport ports = first.Ports!;
        Assert.True(ports.Failures == 0, ports.FailureKinds);
        Assert.Equal((3, 4, 12L * 4, 12L * 4, 0L), (ports.PortUnits, ports.Share, ports.Visits, ports.LetIn, ports.ShutOut));
        // Every visit's unlock and each port unit's hourly status, plus any unlock asked again at a door held shut.
        Assert.InRange(ports.Commands, 12L * 4 + 3 * 24, 12L * 4 * 2 + 3 * 24);
        Assert.InRange(ports.Releases, 1, ports.Visits);
        Assert.Equal(first.Digest, again.Digest);
        Assert.NotEqual(first.Digest, FleetDayRun.Run(Fleet with { PortShare = 0 }).Digest);
        Assert.Null(FleetDayRun.Run(Fleet with { Locks = 1, PortShare = 0 }).Ports);

        // Each unlock of customer 5's door follows a release of its port unit by at most the stairs (plus a release's length when the strike was already open).
        long[] releases = Times(first.WatchedLogs[Port1], "state Unlocked");
        long[] doorUnlocks = Times(first.WatchedLogs[Door5], "state Unlocking");
        Assert.NotEmpty(doorUnlocks);
        Assert.True(releases.Length >= doorUnlocks.Length);
        foreach (long door in doorUnlocks)
        {
            Assert.Contains(releases, port => port < door && door - port <= FleetPortUnits.StairsMs + 20_000);
        }

        Assert.Contains(first.WatchedLogs[Port1], line => line.Contains(" door open"));
    }

    [Fact]
    public void A_port_unit_and_a_door_unit_behind_it_re_run_alone_log_the_same_events_as_in_the_fleet()
    {
        FleetDayReport fleet = FleetDayRun.Run(Fleet, watch: [Port1, Door5]);

        // The run of customer 4 alone holds port unit 1, whose first customer it is, with all four customers' visits.
        FleetDayReport alone = FleetDayRun.Run(Fleet with { Locks = 1, FirstLock = 4 }, watch: [Port1]);
        Assert.Equal(1, alone.Ports!.PortUnits);
        Assert.Equal(4L * 4, alone.Ports.Visits);
        Assert.Equal(fleet.WatchedLogs[Port1], alone.WatchedLogs[Port1]);

        // Customer 5 alone: its door's day is the fleet's, and its port unit runs where its first customer runs.
        FleetDayReport door = FleetDayRun.Run(Fleet with { Locks = 1, FirstLock = 5 }, watch: [Door5]);
        Assert.Equal(0, door.Ports!.PortUnits);
        Assert.Equal(fleet.WatchedLogs[Door5], door.WatchedLogs[Door5]);
        Assert.NotEqual(fleet.WatchedLogs[Port1], fleet.WatchedLogs[Door5]);
    }

    [Fact]
    public void A_slice_holds_the_port_units_whose_first_customer_it_holds()
    {
        Assert.Equal((2, 1), FleetPortUnits.PortsIn(Fleet with { FirstLock = 5, Locks = 7 }));
        Assert.Equal((0, 3), FleetPortUnits.PortsIn(Fleet));
        Assert.Equal((2, 0), FleetPortUnits.PortsIn(Fleet with { FirstLock = 5, Locks = 3 }));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(FleetPortUnits.MaxShare + 1, 0)]
    [InlineData(4, FleetPortUnits.MaxCustomers)]
    public void A_port_share_out_of_range_is_refused_before_anything_runs(int share, int firstLock)
    {
        var e = Assert.Throws<ArgumentException>(() => FleetDayRun.Run(Fleet with { PortShare = share, FirstLock = firstLock }));
        Assert.Contains(share is < 0 or > FleetPortUnits.MaxShare ? "port share" : "first lock", e.Message);
    }

    [Fact]
    public void The_command_line_refuses_a_port_share_out_of_range_with_exit_2()
    {
        var error = new StringWriter();
        Assert.Equal(2, ServeCommand.Run(["fleet", "--port-share", "101"], TextWriter.Null, error));
        Assert.Contains("--port-share", error.ToString());
    }

    private static long[] Times(IReadOnlyList<string> log, string what) =>
        log.Where(line => line.Contains(" " + what)).Select(line => long.Parse(line.Split(' ')[0])).ToArray();
}
