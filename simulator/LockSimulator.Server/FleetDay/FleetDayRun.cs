using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Phone;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A virtual day of a whole fleet, as a benchmark: every lock gets care visits at random
/// times between 07:00 and 22:00 (a staff phone unlocks on arrival and locks on leaving,
/// 10 to 40 minutes later) and an hourly status read by a second phone. The fleet advances
/// hour by hour, its locks in parallel; the event log's digest shows the run is repeatable.
/// Each lock's plan comes from the seed and the lock's index alone, so a lock's day is the
/// same in any fleet, and alone (<see cref="FleetDayOptions.FirstLock"/>).
/// Visits may overlap: a command for a move already under way (AlreadyMoving) or a state
/// already reached (AlreadyThere) is the firmware accepting it, not a failure. The lock serves
/// one phone at a time: a phone that finds it busy waits and tries again (<see cref="ConnectionArbiter"/>).
/// With <see cref="FleetDayOptions.PortShare"/> the customers live behind shared port units, opened first on every visit (<see cref="FleetPortUnits"/>).
/// </summary>
public static class FleetDayRun
{
    private const long HourMs = 3_600_000;

    /// <summary>Lock id of the lock with index 0.</summary>
    public const uint FirstLockId = 100_000;

    /// <param name="options">The day.</param>
    /// <param name="progress">Gets a line per virtual hour (null: quiet).</param>
    /// <param name="watch">Lock ids whose events the report lists in <see cref="FleetDayReport.WatchedLogs"/>.</param>
    public static FleetDayReport Run(FleetDayOptions options, TextWriter? progress = null, IReadOnlyCollection<uint>? watch = null)
    {
        if (options.Locks is < 1 or > LockFleet.MaxLocks || options.Hours < 1 || options.VisitsPerLock < 0
            || options.FirstLock < 0 || options.FirstLock > int.MaxValue - options.Locks)
        {
            throw new ArgumentException($"locks must be 1 … {LockFleet.MaxLocks}, hours ≥ 1, visits ≥ 0, first lock ≥ 0");
        }

        FleetPortUnits.Check(options);

        string loadAtStart = LoadAverage();
        var clock = Stopwatch.StartNew();
        // A fleet day's phones send a HELLO and a short command per operation, a few fragments each at
        // the default MTU: the board's own queue of 8 holds them (with 5 slots writes were dropped, with 6
        // none, in 2 000 and in 50 000 lock-days), and each lock keeps 8 slots of 253 bytes fewer than the
        // ideal link's default 16.
        var fleet = new LockFleet(options.Seed, keepTraces: false) { InputSlots = InputQueue.BoardCapacity, PublishBehind = true };
        Dictionary<uint, EventSubscription> watched = (watch ?? []).Distinct().ToDictionary(id => id, id => fleet.Events.Subscribe(id));
        var phones = new SimulatedPhone[options.Locks * 2];
        var arbiters = new ConnectionArbiter[options.Locks];
        // Both cores build the locks, their phones and their plans: all of it comes from a lock's
        // index alone, so the fleet is the same however the work is split (OrderedCreation).
        using (CreationWithoutCollections.Begin(options.Locks))
        {
            OrderedCreation.Run(fleet, options.Locks, i =>
            {
                int index = options.FirstLock + i;
                FleetLock created = fleet.Build(new CreateLockRequest { LockId = FirstLockId + (uint)index });
                phones[2 * i] = SimulatedPhone.Staff(created.Sim, keyId: 7, userId: (uint)(1 + index % 500));
                phones[2 * i + 1] = SimulatedPhone.Staff(created.Sim, keyId: 9, userId: 9_000);
                phones[2 * i].KeepEvents = phones[2 * i + 1].KeepEvents = false;
                phones[2 * i].KeepResponses = phones[2 * i + 1].KeepResponses = false;
                created.Sim.Radio.LendNotifications = true;
                arbiters[i] = new ConnectionArbiter(created);
                Plan(arbiters[i], phones[2 * i], phones[2 * i + 1], options, new Random(PlanSeed(options.Seed, index)));
                return created;
            });
        }

        FleetPortUnits? ports = options.PortShare > 0 ? FleetPortUnits.Create(fleet, options) : null;

        TimeSpan createTime = clock.Elapsed;
        TimeSpan publishedAtStart = fleet.PublishTime;
        for (int hour = 0; hour < options.Hours; hour++)
        {
            fleet.Advance(HourMs);
            progress?.WriteLine(Progress(hour + 1, options, phones, clock.Elapsed - createTime));
        }

        fleet.FinishPublishing();
        clock.Restart();
        long answered = phones.Sum(p => (long)p.Answered);
        string[] failures = phones.SelectMany(p => p.Refusals.Select(r => $"refused {r.Result}")
                .Concat(p.NotOk.Where(r => r.Result is not (ResultCode.AlreadyThere or ResultCode.AlreadyMoving)).Select(r => $"{r.Opcode} {r.Result}")))
            .ToArray();
        long moves = fleet.Locks.Sum(l => (long)l.Sim.Core.CompletedLocks + l.Sim.Core.CompletedUnlocks);
        EventDigestView digest = fleet.Events.Digest();
        string failureKinds = string.Join(", ", failures.GroupBy(f => f).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        long waits = arbiters.Sum(a => (long)a.Waits);
        var logs = watched.ToDictionary(w => w.Key, w => Drain(w.Value));
        var phases = new FleetDayPhases(createTime, fleet.SimulateTime, fleet.PublishTime - publishedAtStart, clock.Elapsed);
        using Process self = Process.GetCurrentProcess();
        var machine = new FleetDayMachine(Environment.ProcessorCount, self.TotalProcessorTime, self.PeakWorkingSet64,
            GC.GetTotalMemory(false), $"{loadAtStart} at start, {LoadAverage()} at the end")
        {
            AllocatedBytes = GC.GetTotalAllocatedBytes(), Collections = GC.CollectionCount(0), FullCollections = GC.CollectionCount(2), GcPause = GC.GetTotalPauseDuration(),
        };
        return new FleetDayReport(options, answered, failures.Length, failureKinds, waits, moves, digest.Count, digest.Sha256, phases, machine)
        {
            WatchedLogs = logs,
            Ports = ports?.Report(),
        };
    }

    /// <summary>The seed of one lock's plan: the fleet's seed and the lock's index, nothing else.</summary>
    internal static int PlanSeed(int seed, int index) => unchecked((int)((uint)seed * 2_654_435_761u ^ (uint)index * 40_503u + 0x9E37_79B9u));

    private static void Plan(ConnectionArbiter link, SimulatedPhone staff, SimulatedPhone office, FleetDayOptions options, Random random)
    {
        // Behind a port unit the staff member first opens the entrance, then walks up to the door.
        long atDoor = options.PortShare > 0 ? FleetPortUnits.StairsMs : 0;
        CareVisit[] visits = CareVisit.Draw(options, random);
        link.ExpectSends(2 * visits.Length + options.Hours);
        foreach (CareVisit visit in visits)
        {
            link.Send(staff, visit.ArrivalMs + atDoor, Opcode.Unlock);
            link.Send(staff, visit.LeaveMs + atDoor, Opcode.Lock);
        }

        for (int hour = 0; hour < options.Hours; hour++)
        {
            link.Send(office, hour * HourMs + random.Next(0, 60_000), Opcode.Status);
        }
    }

    private static string Progress(int hour, FleetDayOptions options, SimulatedPhone[] phones, TimeSpan running)
    {
        long answered = 0;
        foreach (SimulatedPhone phone in phones)
        {
            answered += phone.Answered;
        }

        using Process self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"  virtual hour {hour,2}/{options.Hours}: {options.Locks} locks, {answered} commands answered, {answered / Math.Max(running.TotalSeconds, 0.001):0} commands/s, " +
            $"{running.TotalSeconds:0.0} s, {self.WorkingSet64 / (1024.0 * 1024 * 1024):0.00} GiB");
    }

    private static IReadOnlyList<string> Drain(EventSubscription subscription)
    {
        var lines = new List<string>();
        while (subscription.Reader.TryRead(out FleetEvent? e))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{e.TimeMs} {e.Kind} {e.Value} {string.Join('|', e.Names ?? [])}"));
        }

        if (subscription.OverflowedAfter != null)
        {
            throw new InvalidOperationException($"more than {EventSubscription.Capacity} events for one watched lock");
        }

        return lines;
    }

    /// <summary>The machine's 1-minute load average (Linux), or "n/a".</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
