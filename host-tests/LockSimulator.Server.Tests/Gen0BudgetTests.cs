using System;
using LockSimulator.Server.FleetDay;

namespace LockSimulator.Server.Tests;

/// <summary>
/// The larger gen-0 budget is the simulator's own command line starting itself again: never a
/// small fleet, and never a process that merely runs the fleet command in-process (a test host).
/// </summary>
public class Gen0BudgetTests
{
    [Fact]
    public void A_small_fleet_runs_in_this_process()
    {
        Assert.Null(Gen0Budget.RunWithLargerBudget(Gen0Budget.FromLocks - 1));
    }

    [Fact]
    public void A_process_other_than_the_simulator_does_not_start_itself_again()
    {
        Assert.Null(Gen0Budget.RunWithLargerBudget(200_000));
    }

    [Fact]
    public void The_report_names_the_budget_only_when_the_runtime_was_given_one()
    {
        string? set = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        string described = Gen0Budget.Describe();
        if (set == null)
        {
            Assert.Equal("", described);
        }
        else
        {
            Assert.Contains(set, described);
        }
    }
}
