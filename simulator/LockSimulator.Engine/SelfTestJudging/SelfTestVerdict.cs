using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.SelfTestJudging;

/// <summary>The judged steps of one self-test and the one-line verdict QA acts on.</summary>
public sealed class SelfTestVerdict
{
    public const string PassText = "battery not completely discharged: may be changed as normal";

    public SelfTestVerdict(IReadOnlyList<StepResult> steps)
    {
        Steps = steps;
    }

    public IReadOnlyList<StepResult> Steps { get; }

    public bool Passed => Steps.All(s => s.Status == StepStatus.Pass);

    public IEnumerable<StepResult> Failures => Steps.Where(s => s.Status == StepStatus.Fail);

    /// <summary><c>PASS: ...</c>, or <c>FAIL: </c> and every failed step's reason.</summary>
    public string Summary => Passed ? "PASS: " + PassText : "FAIL: " + string.Join("; ", Failures.Select(s => s.Detail));
}
