namespace LockSimulator.Server.FleetDay;

/// <summary>The fleet command's day: how many locks, how they are used, how long.</summary>
public sealed record FleetDayOptions
{
    public int Locks { get; init; } = 10_000;

    /// <summary>Care visits per lock a day: each an unlock on arrival and a lock on leaving, with a staff phone.</summary>
    public int VisitsPerLock { get; init; } = 4;

    /// <summary>Virtual hours to run; a status read every hour.</summary>
    public int Hours { get; init; } = 24;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Index of the first lock (lock id 100 000 + index). A lock's day depends only on the seed
    /// and its index, so lock k of a large fleet can be run alone with <c>FirstLock = k, Locks = 1</c>,
    /// and so can a slice of the fleet on another machine.
    /// </summary>
    public int FirstLock { get; init; }

    /// <summary>
    /// Customers per port unit: 0, every customer has only a door unit; N, the customers live in
    /// buildings of N, each behind one port unit that every visit opens first (<see cref="FleetPortUnits"/>).
    /// </summary>
    public int PortShare { get; init; }
}
