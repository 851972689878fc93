using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A large fleet day runs with a 1 GiB gen-0 budget per collector heap. At 200 000 locks the
/// heap holds about 9 GiB of locks that every virtual hour touches, so each collection is
/// costly; the default budget collected 75 times and stopped the run for 83 s of 237 s, a 1 GiB
/// budget 15 times and 37 s, for 2.7 GiB more (docs/SCALING.md). The runtime reads this budget
/// (<c>GCgen0size</c>) only from the environment when it starts (not from runtimeconfig.json),
/// so the simulator's own executable starts itself again once with the variable set and passes
/// its exit code on. The result does not depend on the collector: the same seed gives the same
/// digest either way. Setting <c>DOTNET_GCgen0size</c> yourself (any value) turns this off.
/// </summary>
internal static class Gen0Budget
{
    /// <summary>Fleets from this size on: below it collections are a small part of the run, and the budget would only add memory.</summary>
    public const int FromLocks = 50_000;

    private const string Variable = "DOTNET_GCgen0size";

    private const string Budget = "0x40000000";

    /// <summary>The budget this process runs with, for the report ("" when the runtime's default).</summary>
    public static string Describe() =>
        Environment.GetEnvironmentVariable(Variable) is { } budget ? $", gen-0 budget {budget} ({Variable})" : "";

    /// <summary>
    /// Runs this command again in a child process with the larger budget when that applies, and
    /// returns the child's exit code; null when this process runs the fleet itself.
    /// </summary>
    public static int? RunWithLargerBudget(int locks)
    {
        string? executable = Environment.ProcessPath;
        string? entry = Assembly.GetEntryAssembly()?.Location;
        // Only the simulator's own command line re-executes (not a test host running the command in-process).
        if (locks < FromLocks || Environment.GetEnvironmentVariable(Variable) != null || executable == null
            || entry == null || Path.GetFileNameWithoutExtension(entry) != "LockSimulator")
        {
            return null;
        }

        string[] args = Environment.GetCommandLineArgs();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false };
        // Through the app host the arguments follow; through `dotnet LockSimulator.dll` the assembly comes first.
        bool appHost = Path.GetFileNameWithoutExtension(executable) == "LockSimulator";
        for (int i = appHost ? 1 : 0; i < args.Length; i++)
        {
            start.ArgumentList.Add(args[i]);
        }

        start.Environment[Variable] = Budget;
        using Process child = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator again with a larger gen-0 budget");
        child.WaitForExit();
        return child.ExitCode;
    }
}
