using System;
using System.IO;
using LockSimulator.Scenarios;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>demo</c>: one simulated lock through unlock, lock and a push-button self-test, printed as a timeline.</summary>
public static class DemoCommand
{
    public const string Summary = "unlock, lock, a push-button self-test, a jam and its recovery of one simulated lock, as a timeline";

    public static int Run(string[] args, TextWriter output)
    {
        var setup = new LockSetup();
        SimulatedLock sim = DemoScenario.Run(setup);
        output.WriteLine($"Simulated lock {setup.Serial} (virtual time): unlock at 1 s, lock at 5 s, status at 9 s, button at 10 s, jammed unlock at 25 s, freed and unlocked at 45 s");
        Timeline.Write(sim.Trace.Events, output);
        output.WriteLine($"final: state {sim.Core.State}, battery {sim.Core.BatteryLevel}, self-test {sim.Core.LastSelfTest}, " +
                         $"{sim.Core.CompletedUnlocks} unlock(s), {sim.Core.CompletedLocks} lock(s)");
        return 0;
    }
}
