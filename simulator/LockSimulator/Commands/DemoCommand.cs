using System;
using System.IO;
using System.Linq;
using LockSimulator.Scenarios;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>demo</c>: one simulated lock through unlock, lock and a push-button self-test, printed as a timeline.</summary>
public static class DemoCommand
{
    public const string Summary = "unlock, lock, a push-button self-test, a jam and its recovery of one simulated lock, as a timeline (--timing device: on the board's timing, with a hang stopped by the guard)";

    private const string Usage = "usage: demo [--timing ideal|device] [--seed N]";

    public static int Run(string[] args, TextWriter output)
    {
        TimingProfile timing = TimingProfile.Ideal;
        int seed = 1;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--timing" when value is "ideal" or "device":
                    timing = value == "device" ? TimingProfile.Device : TimingProfile.Ideal;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, out seed):
                    i++;
                    break;
                default:
                    output.WriteLine($"demo: cannot use '{args[i]}'{(value == null ? "" : $" '{value}'")}");
                    output.WriteLine(Usage);
                    return 2;
            }
        }

        var setup = new LockSetup { Timing = timing, Seed = seed };
        bool device = timing == TimingProfile.Device;
        SimulatedLock sim = DemoScenario.Run(setup, withHang: device);
        output.WriteLine($"Simulated lock {setup.Serial} (virtual time, {(device ? $"device timing, seed {seed}" : "ideal timing")}): unlock at 1 s, lock at 5 s, status at 9 s, button at 10 s, jammed unlock at 25 s, freed and unlocked at 45 s" +
                         (device ? $", lock at 50 s with the managed code hanging at {DemoScenario.HangAt} ms for {DemoScenario.HangMs} ms, lock again at 56 s" : ""));
        Timeline.Write(sim.Trace.Events, output);
        output.WriteLine($"final: state {sim.Core.State}, battery {sim.Core.BatteryLevel}, self-test {sim.Core.LastSelfTest}, " +
                         $"{sim.Core.CompletedUnlocks} unlock(s), {sim.Core.CompletedLocks} lock(s), {sim.Core.FaultCount} fault(s)");
        return device ? ReportGuard(sim, output) : 0;
    }

    /// <summary>When the guard stopped the motor after the hang, how long that run had been on, and the bound it must keep.</summary>
    private static int ReportGuard(SimulatedLock sim, TextWriter output)
    {
        TraceEvent[] events = sim.Trace.Events.ToArray();
        TraceEvent? trip = events.Where(e => e.Signal == Signals.Guard && e.TimeMs >= DemoScenario.HangAt).Cast<TraceEvent?>().FirstOrDefault();
        if (trip == null)
        {
            output.WriteLine("guard: did NOT stop the motor after the hang");
            return 1;
        }

        long stoppedAt = trip.Value.TimeMs;
        long runStart = events.Last(e => e.Signal == Signals.Motor && e.TimeMs <= stoppedAt && e.Value is "lock" or "unlock").TimeMs;
        int guardMs = (sim.Setup.Settings ?? new LockFirmware.LockSettings()).GuardMs;
        int bound = guardMs + sim.Scheduler.Budget.TickMs + sim.Scheduler.Budget.ThreadQuantumMs;
        output.WriteLine($"guard: motor stopped at {stoppedAt} ms, {stoppedAt - DemoScenario.HangAt} ms after the hang began, " +
                         $"{sim.Guard.FirstSilenceMs} ms after the last check-in; motor on {stoppedAt - runStart} ms in that run " +
                         $"(bound: {bound} ms after the last check-in = guard {guardMs} + tick {sim.Scheduler.Budget.TickMs} + quantum {sim.Scheduler.Budget.ThreadQuantumMs})");
        return sim.Guard.FirstSilenceMs <= bound ? 0 : 1;
    }
}
