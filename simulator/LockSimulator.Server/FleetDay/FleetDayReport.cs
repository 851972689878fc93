using System;
using System.Globalization;

namespace LockSimulator.Server.FleetDay;

/// <summary>What a fleet day did and how long it took in wall time.</summary>
public sealed record FleetDayReport(
    FleetDayOptions Options,
    long Commands,
    long Failures,
    string FailureKinds,
    long Waits,
    long Moves,
    long Events,
    string Digest,
    TimeSpan CreateTime,
    TimeSpan RunTime,
    long ManagedBytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fleet: {Options.Locks} locks, {Options.Hours} h of virtual time, {Options.VisitsPerLock} visits per lock and an hourly status read (seed {Options.Seed})\n" +
        $"  {Commands} commands answered, {Failures} failed{(Failures > 0 ? $" ({FailureKinds})" : "")}, {Waits} wait{(Waits == 1 ? "" : "s")} for a busy lock, {Moves} completed moves, {Events} events\n" +
        $"  wall time: {(CreateTime + RunTime).TotalSeconds:0.0} s (create {CreateTime.TotalSeconds:0.0} s, run {RunTime.TotalSeconds:0.0} s) on {Environment.ProcessorCount} cores, " +
        $"{ManagedBytes / (1024 * 1024)} MiB managed heap\n" +
        $"  event log sha256 {Digest}");
}
