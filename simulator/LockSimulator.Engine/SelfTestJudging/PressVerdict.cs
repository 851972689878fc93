using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// One press judged on its own: its rules, its outcome (any failed rule fails it; otherwise a
/// rule the recording cannot decide makes it unusable) and what the care worker must do.
/// </summary>
public sealed class PressVerdict
{
    public PressVerdict(int number, long pressUs, long windowEndUs, IReadOnlyList<StepResult> steps, IReadOnlyList<long> ignoredPressesUs, string? battery)
    {
        Number = number;
        PressUs = pressUs;
        WindowEndUs = windowEndUs;
        Steps = steps;
        IgnoredPressesUs = ignoredPressesUs;
        Battery = battery;
        Outcome = steps.Any(s => s.Status == StepStatus.Fail) ? StepStatus.Fail
            : steps.Any(s => s.Status == StepStatus.Unusable) ? StepStatus.Unusable
            : StepStatus.Pass;
    }

    /// <summary>1 for the first press in the recording.</summary>
    public int Number { get; }

    /// <summary>When the contact closed for the press the lock accepted (microseconds into the recording).</summary>
    public long PressUs { get; }

    /// <summary>Where this press's part of the recording ends: the next judged press, or the recording's end.</summary>
    public long WindowEndUs { get; }

    public IReadOnlyList<StepResult> Steps { get; }

    /// <summary>Presses while this routine ran, which the lock ignores (it runs one test at a time).</summary>
    public IReadOnlyList<long> IgnoredPressesUs { get; }

    /// <summary>"good" (one blink) or "low" (two) when the red blinks passed; otherwise null.</summary>
    public string? Battery { get; }

    public StepStatus Outcome { get; }

    public string Instruction => CareInstructions.For(Outcome);

    /// <summary>"Press 1 at 1.00 s".</summary>
    public string Title => $"Press {Number} at {Durations.Seconds(PressUs)}";

    /// <summary>The rules that decided the outcome, named: the failed ones, else the undecided ones.</summary>
    public IEnumerable<StepResult> Deciding => Steps.Where(s => s.Status == Outcome && Outcome != StepStatus.Pass);

    /// <summary>What decided the outcome (the battery, or the named rules with their measured times), then the instruction.</summary>
    public string Conclusion => Outcome == StepStatus.Pass
        ? $"battery {Battery}. {Instruction}"
        : $"{string.Join("; ", Deciding)}. {Instruction}";

    /// <summary>One line: the outcome, the press, and <see cref="Conclusion"/>.</summary>
    public string Summary => $"{Label(Outcome)} {Title}: {Conclusion}";

    /// <summary>PASS, FAIL or UNUSABLE.</summary>
    public static string Label(StepStatus status) => status switch
    {
        StepStatus.Pass => "PASS",
        StepStatus.Fail => "FAIL",
        _ => "UNUSABLE",
    };
}
