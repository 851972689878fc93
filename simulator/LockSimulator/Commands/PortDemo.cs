using System.IO;
using System.Linq;
using LockFirmware;
using LockFirmware.Motor;
using LockFirmware.SelfTest;
using LockFirmware.Storage;
using LockFirmware.Strike;
using LockSimulator.Scenarios;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary><c>demo --kind port|laundry</c>: the strike unit's timeline and the checks that make its exit code.</summary>
public static class PortDemo
{
    public static int Run(UnitKind kind, TimingProfile timing, int seed, TextWriter output)
    {
        bool device = timing == TimingProfile.Device;
        var setup = new LockSetup { Kind = kind, Serial = "SIMPORT1", Timing = timing, Seed = seed };
        SimulatedLock sim = PortDemoScenario.Run(setup);
        StrikeController strike = sim.Core.Strike;
        output.WriteLine($"Simulated {kind.ToString().ToLowerInvariant()} unit {setup.Serial} (virtual time, {(device ? $"device timing, seed {seed}" : "ideal timing")}): " +
                         $"unlock at 1 s and the door opens and closes; unlock at 8 s and again at 10 s (it restarts the release time), nobody comes; a push at 16 s; " +
                         $"unlock at 20 s and the door stays open {PortDemoScenario.HeldOpenForMs / 1000} s; button at {PortDemoScenario.ButtonAt / 1000} s");
        Timeline.Write(sim.Trace.Events, output);

        output.WriteLine("audit log (read back from flash):");
        foreach (string line in AuditLines(sim))
        {
            output.WriteLine("  " + line);
        }

        long late = sim.Scheduler.Budget.TickMs + sim.Scheduler.Budget.ThreadQuantumMs;
        long bound = StrikeSettings.MaxContinuousReleaseMs + late;
        long longest = sim.Strike!.LongestReleaseMs;
        int entries = Count(sim, AuditEvent.Entry);
        int heldOpen = Count(sim, AuditEvent.DoorHeldOpen);
        bool selfTest = sim.Core.LastSelfTest == SelfTestOutcome.BatteryGood;
        // The release at 8 s, restarted at 10 s, lasts about 2 s more than its time; the bound is the cap on a restarted release.
        bool restarted = longest >= strike.ReleaseMs + 1_000 && longest <= strike.ReleaseMs + 3_000 + late;
        output.WriteLine($"strike: longest release {longest} ms (release time {strike.ReleaseMs} ms, never above {StrikeSettings.MaxReleaseMs} ms, restarted by an unlock " +
                         $"during it: {(restarted ? "yes" : "NO")}; no chain of unlocks holds it past {StrikeSettings.MaxContinuousReleaseMs} ms from its start; bound with the board's timing {bound} ms)");
        output.WriteLine($"door contact: {entries} confirmed entr{(entries == 1 ? "y" : "ies")}, {heldOpen} held-open alarm(s) after {strike.HeldOpenMs / 1000} s open; alarm now {sim.Core.LastAlarm}");
        output.WriteLine($"final: kind {sim.Core.Kind}, state {sim.Core.State}, battery {sim.Core.BatteryLevel}, self-test {sim.Core.LastSelfTest}, " +
                         $"{sim.Core.CompletedUnlocks} release(s), {sim.Core.CompletedLocks} engage(s), warnings 0x{sim.Core.Warnings:X2}");
        bool ok = longest <= bound && restarted && entries == 2 && heldOpen == 1 && sim.Core.LastAlarm == MotorAlarm.None
                  && sim.Core.State == LockState.Locked && selfTest;
        string unit = $"{kind.ToString().ToLowerInvariant()} unit";
        output.WriteLine(ok ? $"{unit}: OK" : $"{unit}: FAILED (see the lines above)");
        return ok ? 0 : 1;
    }

    private static int Count(SimulatedLock sim, AuditEvent kind)
    {
        byte[] buffer = ReadAudit(sim, out int count);
        return Enumerable.Range(0, count).Count(i => buffer[i * AuditRecord.Size + 8] == (byte)kind);
    }

    /// <summary>The unit's audit log read back from flash, a line per record.</summary>
    internal static string[] AuditLines(SimulatedLock sim)
    {
        byte[] buffer = ReadAudit(sim, out int count);
        return Enumerable.Range(0, count).Select(i => AuditText.Describe(buffer, i * AuditRecord.Size)).ToArray();
    }

    private static byte[] ReadAudit(SimulatedLock sim, out int count)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        count = log.ReadSince(0, buffer, log.Capacity);
        return buffer;
    }
}
