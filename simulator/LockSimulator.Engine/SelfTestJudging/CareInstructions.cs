namespace LockSimulator.SelfTestJudging;

/// <summary>
/// What the care worker is told to do after the self-test, in the routine's words
/// (DOMAIN.md: "The push-button self-test" and "Battery safety").
/// </summary>
public static class CareInstructions
{
    /// <summary>The routine ran in time: the battery is not completely discharged.</summary>
    public const string ChangeAsNormal =
        "The battery is not completely discharged and may be changed as normal. After changing it, register the battery change in the app " +
        "(customer → Devices → Manage lock → Register battery change), then lock and unlock at least 5 times.";

    /// <summary>The routine did not run as it must: the battery may be completely discharged.</summary>
    public const string ReportToService =
        "Do not change the battery yourself: it may be completely discharged, and such a battery can build up gas pressure. Report the lock to service.";

    /// <summary>For QA: the recording cannot give a verdict; nothing is known about the battery.</summary>
    public const string RecordAgain =
        "No verdict on the battery: record the self-test again, from before the press until at least 20 s after it.";

    public static string For(StepStatus outcome) => outcome switch
    {
        StepStatus.Pass => ChangeAsNormal,
        StepStatus.Fail => ReportToService,
        _ => RecordAgain,
    };
}
