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

    /// <summary>How long a write can wait for its connection event on the board's link (none in ideal time).</summary>
    public static int LinkSlackMs(TimingProfile profile) => profile == TimingProfile.Device ? Board.Link.ConnectionIntervalMs : 0;

    /// <summary>
    /// A staff phone that has already given the lock the time and opened its session (at 200 ms)
    /// and stays connected, so a command it sends later travels as one write, as in a visit.
    /// </summary>
    public static SimulatedPhone WithSession(SimulatedLock sim)
    {
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.StayConnected = true;
        phone.Send(200, LockFirmware.Ble.Opcode.Status);
        return phone;
    }

    public static LockSetup Setup(TimingProfile profile, int seed) => new() { Timing = profile, Seed = seed, StartFraction = 0 };
}
