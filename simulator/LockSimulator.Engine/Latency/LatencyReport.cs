using System.Collections.Generic;
using LockSimulator.Budget;

namespace LockSimulator.Latency;

/// <summary>What the latency study found, per kind of visit and for the fleet mix.</summary>
public sealed record LatencyReport(BleLinkBudget Link, int Runs, IReadOnlyList<LatencyRow> Rows, LatencyRow Fleet)
{
    /// <summary>Issue 20: p99 from the phone's first write to the motor start ≤ 4 connection intervals + 20 ms.</summary>
    public static long MotorTargetFor(BleLinkBudget link) => 4L * link.ConnectionIntervalMs + 20;

    /// <summary>Issue 20: p99 from the first write to the end stop ≤ 2 s with a good battery.</summary>
    public const long EndStopTargetMs = 2_000;

    public long MotorTargetMs => MotorTargetFor(Link);
}
