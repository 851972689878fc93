namespace LockSimulator.SelfTestJudging;

/// <summary>One step of the routine ("green off"), how it came out, and what was measured or why it failed.</summary>
public sealed record StepResult(string Name, StepStatus Status, string Detail);
