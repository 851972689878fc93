using System;
using LockSimulator;
using LockSimulator.Scenarios;
using LockSimulator.Tracing;

// The simulator's command line. Each command is a small class; this file only picks one.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: LockSimulator demo");
    Console.WriteLine("  demo   unlock, lock and a push-button self-test of one simulated lock, as a timeline");
    return args.Length == 0 ? 2 : 0;
}

switch (args[0])
{
    case "demo":
        SimulatedLock sim = DemoScenario.Run(new LockSetup());
        Console.WriteLine($"Simulated lock {new LockSetup().Serial}: unlock at 1 s, lock at 5 s, status at 9 s, button at 10 s");
        Timeline.Write(sim.Trace.Events, Console.Out);
        Console.WriteLine($"final: state {sim.Core.State}, battery {sim.Core.BatteryLevel}, self-test {sim.Core.LastSelfTest}, " +
                          $"{sim.Core.CompletedUnlocks} unlock(s), {sim.Core.CompletedLocks} lock(s)");
        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}' (try --help)");
        return 2;
}
