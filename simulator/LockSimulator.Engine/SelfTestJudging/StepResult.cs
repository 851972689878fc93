namespace LockSimulator.SelfTestJudging;

/// <summary>One rule of the routine ("green off"), how it came out, and what was measured or why it failed.</summary>
public sealed record StepResult(string Rule, StepStatus Status, string Detail)
{
    /// <summary>"The green LED turns on" at the press.</summary>
    public const string GreenOn = "green on";

    /// <summary>"Within 10 seconds the green LED turns off".</summary>
    public const string GreenOff = "green off";

    /// <summary>Green on, green off, then red: no red while green is lit, green lit once.</summary>
    public const string Order = "order";

    /// <summary>"Within 20 seconds the red LED blinks briefly once or twice".</summary>
    public const string RedBlinks = "red blinks";

    public override string ToString() => $"{Rule}: {Detail}";
}
