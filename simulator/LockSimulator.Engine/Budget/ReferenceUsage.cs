namespace LockSimulator.Budget;

/// <summary>How a unit is used on the reference day of the power budget (hardware/power-budget.md).</summary>
public sealed record ReferenceUsage
{
    /// <summary>Care visits a day, each an unlock on arrival and a lock on leaving, between 07:00 and 22:00.</summary>
    public int VisitsPerDay { get; init; } = 4;

    /// <summary>How long a visit lasts between the unlock and the lock.</summary>
    public int VisitMinutes { get; init; } = 25;

    /// <summary>The back office reads the status every hour (through a phone nearby).</summary>
    public bool HourlyStatus { get; init; } = true;

    /// <summary>Push-button self-tests a week.</summary>
    public int SelfTestsPerWeek { get; init; } = 1;
}
