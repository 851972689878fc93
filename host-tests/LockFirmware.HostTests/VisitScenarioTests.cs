using System.IO;
using System.Linq;
using LockFirmware.Motor;
using LockSimulator.Cli.Commands;
using LockSimulator.Scenarios;
using LockSimulator.Timing;

namespace LockFirmware.HostTests;

/// <summary>Issue 21's visit: one staff phone opens the building's port unit, then the customer's door unit; both audits say who and when.</summary>
public class VisitScenarioTests
{
    [Theory]
    [InlineData(TimingProfile.Ideal)]
    [InlineData(TimingProfile.Device)]
    public void The_staff_phone_opens_the_port_unit_then_the_door_unit_and_both_audits_say_who_and_when(TimingProfile timing)
    {
        VisitScenario visit = VisitScenario.Run(timing, seed: 5);

        Assert.True(visit.Passed, string.Join("\n", visit.Steps.Where(s => !s.Done)));
        Assert.Equal(VisitScenario.StepCount, visit.Steps.Count);
        Assert.Equal(["port", "port", "port", "door", "door", "door"], visit.Steps.Select(s => s.Unit));
        Assert.Contains("user 42, key 31, at 07:00:01", visit.Steps[1].Detail);
        Assert.Contains("user 42, key 7, at 07:01:16", visit.Steps[4].Detail);
        Assert.Equal(VisitScenario.ArrivalAt + VisitScenario.EntranceWaitMs + VisitScenario.StairsMs, visit.AtDoorMs);
        Assert.Equal(1, visit.Port.Core.CompletedUnlocks);
        Assert.Equal(LockState.Locked, visit.Port.Core.State);
        Assert.Equal((1, 1), (visit.Door.Core.CompletedUnlocks, visit.Door.Core.CompletedLocks));
        Assert.Equal(LockState.Locked, visit.Door.Core.State);
    }

    [Fact]
    public void A_phone_the_port_unit_refuses_never_reaches_the_door_and_the_visit_fails()
    {
        byte[] anotherLocksSecret = new byte[32];
        VisitScenario visit = VisitScenario.Run(portCredentialSecret: anotherLocksSecret);

        Assert.False(visit.Passed);
        Assert.Null(visit.AtDoorMs);
        Assert.All(visit.Steps, s => Assert.False(s.Done));
        Assert.Equal(3, visit.Steps.Count);
        Assert.Equal(0, visit.Port.Core.CompletedUnlocks);
        Assert.Equal(0, visit.Door.Core.CompletedUnlocks);
    }

    [Fact]
    public void At_an_entrance_without_its_supply_the_refused_unlock_is_not_taken_for_an_opening_in_the_audit()
    {
        VisitScenario visit = VisitScenario.Run(buildingSupplyCut: true);

        Assert.False(visit.Passed);
        Assert.Equal(0, visit.Port.Core.CompletedUnlocks);
        // The port's audit holds the staff member's Unlock, refused NoStrikeSupply: it says who tried, not who opened.
        VisitStep audit = visit.Steps.Single(s => s.Unit == "port" && s.What.Contains("audit"));
        Assert.False(audit.Done, audit.Detail);
        Assert.Null(visit.AtDoorMs);
    }

    [Fact]
    public void The_demo_runs_the_visit_and_exits_0()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoCommand.Run(["--kind", "visit"], output, new StringWriter()));
        string text = output.ToString();
        Assert.Contains("command Unlock: Ok, user 42 key 31", text);
        Assert.Contains("command Unlock: Ok, user 42 key 7", text);
        Assert.Equal(VisitScenario.StepCount, text.Split('\n').Count(l => l.StartsWith("  done   ")));
        Assert.EndsWith("visit: OK" + System.Environment.NewLine, text);
    }
}
