using System;
using System.Diagnostics;
using System.Linq;
using LockFirmware.Ble;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Phone;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A virtual day of a whole fleet, as a benchmark: every lock gets care visits at random
/// times between 07:00 and 22:00 (a staff phone unlocks on arrival and locks on leaving,
/// 10 to 40 minutes later) and an hourly status read by a second phone. The fleet advances
/// hour by hour, its locks in parallel; the event log's digest shows the run is repeatable.
/// Visits may overlap: a command for a move already under way (AlreadyMoving) or a state
/// already reached (AlreadyThere) is the firmware accepting it, not a failure. The lock serves
/// one phone at a time: a phone that finds it busy waits and tries again (<see cref="ConnectionArbiter"/>).
/// </summary>
public static class FleetDayRun
{
    private const long HourMs = 3_600_000;

    /// <summary>Visits fall within the first 15 hours: the fleet's day starts at 07:00 UTC.</summary>
    private const long VisitWindowMs = 15 * HourMs;

    public static FleetDayReport Run(FleetDayOptions options)
    {
        if (options.Locks is < 1 or > LockFleet.MaxLocks || options.Hours < 1 || options.VisitsPerLock < 0)
        {
            throw new ArgumentException($"locks must be 1 … {LockFleet.MaxLocks}, hours ≥ 1, visits ≥ 0");
        }

        var clock = Stopwatch.StartNew();
        var fleet = new LockFleet(options.Seed);
        var random = new Random(options.Seed);
        var phones = new SimulatedPhone[options.Locks * 2];
        var arbiters = new ConnectionArbiter[options.Locks];
        for (int i = 0; i < options.Locks; i++)
        {
            FleetLock created = fleet.Create(new CreateLockRequest { LockId = (uint)(100_000 + i) });
            phones[2 * i] = SimulatedPhone.Staff(created.Sim, keyId: 7, userId: (uint)(1 + i % 500));
            phones[2 * i + 1] = SimulatedPhone.Staff(created.Sim, keyId: 9, userId: 9_000);
            arbiters[i] = new ConnectionArbiter(created);
            Plan(arbiters[i], phones[2 * i], phones[2 * i + 1], options, random);
        }

        TimeSpan createTime = clock.Elapsed;
        clock.Restart();
        for (int hour = 0; hour < options.Hours; hour++)
        {
            fleet.Advance(HourMs);
        }

        TimeSpan runTime = clock.Elapsed;
        long answered = phones.Sum(p => (long)p.Responses.Count);
        string[] failures = phones.SelectMany(p => p.Refusals.Select(r => $"refused {r.Result}")
                .Concat(p.Responses.Where(r => r.Result is not (ResultCode.Ok or ResultCode.AlreadyThere or ResultCode.AlreadyMoving)).Select(r => $"{r.Opcode} {r.Result}")))
            .ToArray();
        long moves = fleet.Locks.Sum(l => (long)l.Sim.Core.CompletedLocks + l.Sim.Core.CompletedUnlocks);
        EventDigestView digest = fleet.Events.Digest();
        string failureKinds = string.Join(", ", failures.GroupBy(f => f).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        long waits = arbiters.Sum(a => (long)a.Waits);
        return new FleetDayReport(options, answered, failures.Length, failureKinds, waits, moves, digest.Count, digest.Sha256, createTime, runTime, GC.GetTotalMemory(false));
    }

    private static void Plan(ConnectionArbiter link, SimulatedPhone staff, SimulatedPhone office, FleetDayOptions options, Random random)
    {
        long window = Math.Min(VisitWindowMs, options.Hours * HourMs - HourMs);
        for (int visit = 0; visit < options.VisitsPerLock; visit++)
        {
            long arrival = (long)(random.NextDouble() * window);
            link.Send(staff, arrival, Opcode.Unlock);
            link.Send(staff, arrival + random.Next(10, 41) * 60_000L, Opcode.Lock);
        }

        for (int hour = 0; hour < options.Hours; hour++)
        {
            link.Send(office, hour * HourMs + random.Next(0, 60_000), Opcode.Status);
        }
    }
}
