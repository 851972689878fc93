namespace LockSimulator.SelfTestJudging;

/// <summary>How one step of the self-test came out.</summary>
public enum StepStatus
{
    Pass,
    Fail,

    /// <summary>An earlier failure left nothing to measure this step from.</summary>
    NotJudged,
}
