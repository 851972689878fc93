using System.Collections.Generic;
using LockSimulator;
using LockSimulator.Budget;
using LockSimulator.Timing;

namespace LockFirmware.HostTests;

/// <summary>The timing profiles every behaviour test runs under: ideal once, the board's with several seeds.</summary>
internal static class Timings
{
    public static readonly BoardBudget Board = BoardBudget.For(Chip.Esp32S3, ImageProfile.Stock);

    /// <summary>How late any managed wake-up may land on the board: the next tick, then one thread quantum.</summary>
    public static int WakeSlackMs => Board.TickMs + Board.ThreadQuantumMs;

    public static IEnumerable<object[]> ProfilesAndSeeds()
    {
        yield return new object[] { TimingProfile.Ideal, 1 };
        for (int seed = 1; seed <= 4; seed++)
        {
            yield return new object[] { TimingProfile.Device, seed };
        }
    }

    public static LockSetup Setup(TimingProfile profile, int seed) => new() { Timing = profile, Seed = seed, StartFraction = 0 };
}
