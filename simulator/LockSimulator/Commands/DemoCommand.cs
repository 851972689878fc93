using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LockSimulator.CommandLine;
using LockSimulator.Faults;
using LockSimulator.Scenarios;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>demo</c>: one simulated lock through unlock, lock and a push-button self-test, printed as a timeline.</summary>
public static class DemoCommand
{
    /// <summary>The <c>demo</c> command's definition.</summary>
    public static Command Build()
    {
        Option<string> timing = OptionKinds.Choice("--timing", "ideal (default) or the board's timing, which shows a hang stopped by the guard", "ideal", "device");
        Option<int> seed = OptionKinds.WholeNumber("--seed", "seed of the device timing's jitter", 1, int.MinValue);
        Option<string> fault = OptionKinds.Choice("--fault", "a fault injected into the lock at 50 s", FaultInjection.Kinds);
        Option<int> faultMs = OptionKinds.WholeNumber("--fault-ms", "how long the fault lasts", (int)DemoScenario.FaultMs, 0, 60_000);
        Option<string> kind = OptionKinds.Choice("--kind", "the kind of unit: door (default), or an entrance's port or laundry unit with an electric strike; " +
                                                           "visit: a care visit through both, the staff phone opening the building's port unit, then the customer's door unit", "door", "port", "laundry", VisitKind);
        var command = new Command("demo", "unlock, lock, a push-button self-test, a jam and its recovery of one simulated lock, as a timeline (--timing device: on the board's timing, with a hang stopped by the guard; " +
                                          "--kind visit: one staff phone through a building's port unit and the customer's door unit)")
        {
            kind, timing, seed, fault, faultMs,
        };
        command.SetAction(result => Show(
            result.GetValue(kind) ?? "door",
            result.GetValue(timing) == "device" ? TimingProfile.Device : TimingProfile.Ideal,
            result.GetValue(seed), result.GetValue(fault), result.GetValue(faultMs), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The <c>--kind</c> that runs the visit through a port unit and a door unit rather than one unit.</summary>
    private const string VisitKind = "visit";

    /// <summary>Runs <c>demo</c> with <paramref name="args"/> (the words after <c>demo</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static int Show(string kindName, TimingProfile timing, int seed, string? fault, long faultMs, TextWriter output, TextWriter error)
    {
        if (kindName != "door")
        {
            if (fault != null)
            {
                error.WriteLine("demo: --fault belongs to the door unit's demo (see: LockSimulator demo --help)");
                return 2;
            }

            return kindName == VisitKind
                ? VisitDemo.Run(timing, seed, output)
                : PortDemo.Run(Enum.Parse<LockFirmware.UnitKind>(kindName, ignoreCase: true), timing, seed, output);
        }

        bool device = timing == TimingProfile.Device;
        // The device-timing run shows a hang stopped by the guard unless another fault is asked for.
        fault ??= device ? FaultInjection.Hang : null;
        var setup = new LockSetup { Timing = timing, Seed = seed };
        SimulatedLock sim = DemoScenario.Run(setup, fault, faultMs);
        output.WriteLine($"Simulated lock {setup.Serial} (virtual time, {(device ? $"device timing, seed {seed}" : "ideal timing")}): unlock at 1 s, lock at 5 s, status at 9 s, button at 10 s, jammed unlock at 25 s, freed and unlocked at 45 s" +
                         (fault == null ? "" : $", lock at 50 s with the fault '{fault}' ({faultMs} ms) at {DemoScenario.FaultAt} ms, lock again at 56 s"));
        Timeline.Write(sim.Trace.Events, output);
        output.WriteLine($"final: state {sim.Core.State}, battery {sim.Core.BatteryLevel}, self-test {sim.Core.LastSelfTest}, " +
                         $"{sim.Core.CompletedUnlocks} unlock(s), {sim.Core.CompletedLocks} lock(s), {sim.Core.FaultCount} fault(s)");
        return fault == null ? 0 : ReportStop(sim, fault, faultMs, output);
    }

    /// <summary>Who stopped the motor after the fault, when, how long that run had been on, and the bound it must keep (exit 1 if it did not).</summary>
    private static int ReportStop(SimulatedLock sim, string fault, long faultMs, TextWriter output)
    {
        TraceEvent[] events = sim.Trace.Events.ToArray();
        TraceEvent? stop = events.Where(e => e.Signal == Signals.Motor && e.Value == "coast" && e.TimeMs >= DemoScenario.FaultAt).Cast<TraceEvent?>().FirstOrDefault();
        if (stop == null)
        {
            output.WriteLine("the motor did NOT stop after the fault");
            return 1;
        }

        long stoppedAt = stop.Value.TimeMs;
        bool byGuard = events.Any(e => e.Signal == Signals.Guard && e.TimeMs == stoppedAt);
        long runStart = events.Last(e => e.Signal == Signals.Motor && e.TimeMs <= stoppedAt && e.Value is "lock" or "unlock").TimeMs;
        var budget = sim.Scheduler.Budget;
        int guardMs = (sim.Setup.Settings ?? new LockFirmware.LockSettings()).GuardMs;
        long stall = FaultInjection.StopsAllManagedCode(fault) ? faultMs : 0;
        long bound = stall + guardMs + budget.TickMs + budget.ThreadQuantumMs;
        output.WriteLine($"{(byGuard ? "guard" : "fault containment")}: motor stopped at {stoppedAt} ms, {stoppedAt - DemoScenario.FaultAt} ms after the fault began" +
                         (byGuard ? $", {sim.Guard.FirstSilenceMs} ms after the last check-in" : "") +
                         $"; motor on {stoppedAt - runStart} ms in that run (bound: {bound} ms = " +
                         (stall > 0 ? $"{stall} ms with no managed code + " : "") +
                         $"guard {guardMs} + tick {budget.TickMs} + quantum {budget.ThreadQuantumMs})");
        return stoppedAt - DemoScenario.FaultAt <= bound ? 0 : 1;
    }
}
