namespace LockSimulator.SelfTestJudging;

/// <summary>How one step of the self-test, or one press, or a whole recording came out.</summary>
public enum StepStatus
{
    Pass,
    Fail,

    /// <summary>The recording does not cover what the verdict needs (it ends too early, or the button was pressed again).</summary>
    Unusable,

    /// <summary>An earlier failure left nothing to measure this step from.</summary>
    NotJudged,
}
