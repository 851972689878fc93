using System;
using System.Collections.Generic;
using System.Globalization;

namespace LockSimulator.Server.FleetDay;

/// <summary>What a fleet day did, how long each phase took in wall time, and what it cost the machine.</summary>
public sealed record FleetDayReport(
    FleetDayOptions Options,
    long Commands,
    long Failures,
    string FailureKinds,
    long Waits,
    long Moves,
    long Events,
    string Digest,
    FleetDayPhases Phases,
    FleetDayMachine Machine)
{
    /// <summary>The fleet events of the watched locks, one line each (time, kind, value, names), in the order they were published.</summary>
    public IReadOnlyDictionary<uint, IReadOnlyList<string>> WatchedLogs { get; init; } = new Dictionary<uint, IReadOnlyList<string>>();

    /// <summary>The port units' part of the day; null when the customers have only door units.</summary>
    public FleetPortReport? Ports { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fleet: {Options.Locks} locks (from index {Options.FirstLock}), {Options.Hours} h of virtual time, {Options.VisitsPerLock} visits per lock and an hourly status read (seed {Options.Seed})\n" +
        $"  {Commands} commands answered, {Failures} failed{(Failures > 0 ? $" ({FailureKinds})" : "")}, {Waits} wait{(Waits == 1 ? "" : "s")} for a busy lock, {Moves} completed moves, {Events} events\n" +
        $"{(Ports == null ? "" : Ports + "\n")}" +
        $"  wall time: {Phases.Total.TotalSeconds:0.0} s (create {Phases.Create.TotalSeconds:0.0} s, simulate {Phases.Simulate.TotalSeconds:0.0} s, publish {Phases.Publish.TotalSeconds:0.0} s, tally {Phases.Tally.TotalSeconds:0.0} s)\n" +
        $"  machine: {Machine.Cores} cores, CPU time {Machine.CpuTime.TotalSeconds:0.0} s ({Machine.CpuTime.TotalMilliseconds / Options.Locks:0.00} ms per lock-day), " +
        $"peak memory {Machine.PeakBytes / (1024.0 * 1024 * 1024):0.00} GiB ({Machine.PeakBytes / 1024.0 / Options.Locks:0.0} KiB per lock), " +
        $"{Machine.ManagedBytes / (1024 * 1024)} MiB managed heap at the end, load average {Machine.LoadAverage}\n" +
        $"  collector: {Machine.AllocatedBytes / 1024.0 / Options.Locks:0.0} KiB allocated per lock-day, {Machine.Collections} collections ({Machine.FullCollections} full), {Machine.GcPause.TotalSeconds:0.00} s paused\n" +
        $"  event log sha256 {Digest}");
}

/// <summary>Wall time of each phase of a fleet day.</summary>
public sealed record FleetDayPhases(TimeSpan Create, TimeSpan Simulate, TimeSpan Publish, TimeSpan Tally)
{
    public TimeSpan Total => Create + Simulate + Publish + Tally;
}

/// <summary>
/// What the run cost the machine: CPU time of the process (an honest figure when the machine
/// is shared and wall time is not), its peak resident memory, the load it ran under, and what
/// the garbage collector had to do (allocations are the fleet day's hidden cost).
/// </summary>
public sealed record FleetDayMachine(int Cores, TimeSpan CpuTime, long PeakBytes, long ManagedBytes, string LoadAverage)
{
    public long AllocatedBytes { get; init; }

    /// <summary>Collections of any generation.</summary>
    public int Collections { get; init; }

    /// <summary>Collections of the whole heap (generation 2): each marks every live lock.</summary>
    public int FullCollections { get; init; }

    public TimeSpan GcPause { get; init; }
}
