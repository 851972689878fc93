using System.Collections.Generic;
using System.Linq;
using LockSimulator.Budget;

namespace LockSimulator.Latency;

/// <summary>The distributions of one kind of visit (or the fleet mix) and whether they meet the targets.</summary>
/// <param name="MotorTargetMet">p99 first write → motor start ≤ <see cref="LatencyReport.MotorTargetMs"/>.</param>
/// <param name="EndStopTargetMet">p99 first write → end stop ≤ 2 s; null when the target does not apply (not a good battery throughout).</param>
/// <param name="Judged">The targets are held against this row: the common visit of a phone that has just connected. The rare kinds, and the fleet mix whose tail they make, are shown for what they cost.</param>
public sealed record LatencyRow(string Name, Distribution ToMotorStart, Distribution ToEndStop, bool MotorTargetMet, bool? EndStopTargetMet, bool Judged)
{
    public static LatencyRow Of(string name, IReadOnlyCollection<LatencySample> samples, bool goodBattery, bool judged, BleLinkBudget link)
    {
        Distribution motor = Distribution.Of(samples.Select(s => s.ToMotorStartMs));
        Distribution end = Distribution.Of(samples.Select(s => s.ToEndStopMs));
        return new LatencyRow(name, motor, end, motor.P99 <= LatencyReport.MotorTargetFor(link), goodBattery ? end.P99 <= LatencyReport.EndStopTargetMs : null, judged);
    }
}
