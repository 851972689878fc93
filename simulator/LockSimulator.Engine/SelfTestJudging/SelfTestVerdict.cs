using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// A whole recording judged: each press on its own, and the outcome QA acts on. It fails if
/// any press fails; otherwise it is unusable if it has no press that can be judged, or a
/// press whose verdict it does not cover; otherwise it passes.
/// </summary>
public sealed class SelfTestVerdict
{
    public SelfTestVerdict(SelfTestRecording judged, IReadOnlyList<PressVerdict> presses, string? problem)
    {
        Judged = judged;
        Presses = presses;
        Problem = problem;
        Outcome = problem != null ? StepStatus.Unusable
            : presses.Any(p => p.Outcome == StepStatus.Fail) ? StepStatus.Fail
            : presses.Any(p => p.Outcome == StepStatus.Unusable) ? StepStatus.Unusable
            : StepStatus.Pass;
    }

    /// <summary>The signals as judged: active-high, with bounces and glitches removed.</summary>
    public SelfTestRecording Judged { get; }

    public IReadOnlyList<PressVerdict> Presses { get; }

    /// <summary>Why no press could be judged at all (no press; the button pressed from the start), or null.</summary>
    public string? Problem { get; }

    public StepStatus Outcome { get; }

    public bool Passed => Outcome == StepStatus.Pass;

    /// <summary>0 PASS, 1 FAIL, 2 unusable.</summary>
    public int ExitCode => Outcome switch
    {
        StepStatus.Pass => 0,
        StepStatus.Fail => 1,
        _ => 2,
    };

    public string Instruction => CareInstructions.For(Outcome);

    /// <summary>
    /// What decided the outcome: the press and battery, each failed press with its failed
    /// rules and their measured times, or what the recording lacks.
    /// </summary>
    public string Reason => Problem ?? Outcome switch
    {
        StepStatus.Pass => Presses.Count == 1
            ? $"{Presses[0].Title.ToLowerInvariant()}, battery {Presses[0].Battery}"
            : $"{Presses.Count} presses: " + string.Join(", ", Presses.Select(p => $"battery {p.Battery} at press {p.Number}")),
        _ => string.Join(" | ", Presses.Where(p => p.Outcome == Outcome).Select(p => $"{p.Title.ToLowerInvariant()}: {string.Join("; ", p.Deciding)}")),
    };

    /// <summary>One line: <c>PASS: </c>, <c>FAIL: </c> or <c>UNUSABLE: </c>, the <see cref="Reason"/>, then the instruction.</summary>
    public string Summary => $"{PressVerdict.Label(Outcome)}: {Reason}. {Instruction}";
}
