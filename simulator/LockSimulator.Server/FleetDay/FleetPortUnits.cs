using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Phone;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// The fleet day's buildings: with <see cref="FleetDayOptions.PortShare"/> = N, customers
/// k·N … k·N + N − 1 live behind port unit k (lock id <see cref="FirstPortLockId"/> + k). The
/// port unit is one lock with one secret in the back office; every customer's staff phone
/// holds a credential for it made with that secret, as for the customer's own door. On each
/// visit the staff phone unlocks the port unit on arrival, the staff member pushes the
/// entrance door as soon as the strike lets it open (or walks through while it stands open),
/// and opens the customer's door unit <see cref="StairsMs"/> later. A push the strike holds
/// shut makes the staff member open again from the phone once the last request is answered
/// (counted as an unlock again): an unlock that lands during someone else's release restarts
/// its time, so the strike seldom engages before this staff member reaches the door; it still
/// may when the phone waits for the one connection. A port unit also gets an
/// hourly status read, like every lock.
/// A port unit's day depends only on the seed, its index and its customers' plans (the first
/// draws of each customer's plan, <see cref="CareVisit.Draw"/>), never on which door units run
/// beside it: it runs in the run that holds its first customer and carries the visits of all
/// its customers, so a port unit re-run alone logs what it logs in the whole fleet.
/// The units run in parallel on their own clocks, so the door unit does not wait for the port
/// unit: a visit whose staff member was not let in by the time they would be at the door
/// counts as shut out, a failure of the day.
/// </summary>
internal sealed class FleetPortUnits
{
    /// <summary>Lock id of port unit 0; door units' ids stay below it (<see cref="MaxCustomers"/>).</summary>
    public const uint FirstPortLockId = 2_000_000_000;

    /// <summary>Customer indices stay below this when a run has port units, so lock ids never meet.</summary>
    public const int MaxCustomers = 1_000_000_000;

    /// <summary>Most customers behind one port unit (the building has 60 flats).</summary>
    public const int MaxShare = 100;

    /// <summary>From the entrance up to the customer's door: the door unit is opened this long after the port unit.</summary>
    public const long StairsMs = 60_000;

    /// <summary>The staff member pushes the entrance door this long after asking the port unit to open.</summary>
    private const long PushAfterMs = 1_200;

    /// <summary>The entrance door stands open while someone walks through.</summary>
    private const long EntranceOpenMs = 3_000;

    /// <summary>The staff member tries the entrance once a second until this long after arrival, then gives up (shut out).</summary>
    private const long EntranceWaitMs = 30_000;

    private const long PushRetryMs = 1_000;

    /// <summary>Mixed into a port unit's plan seed, so its status reads do not follow a customer's plan.</summary>
    private const int PortPlanSalt = 0x504F_5254;

    private readonly Building[] _buildings;

    private FleetPortUnits(Building[] buildings, int share)
    {
        _buildings = buildings;
        Share = share;
    }

    public int Share { get; }

    /// <summary>Refuses a port share out of range, or a run whose door and port units would not fit the fleet.</summary>
    public static void Check(FleetDayOptions options)
    {
        if (options.PortShare is < 0 or > MaxShare)
        {
            throw new ArgumentException($"port share must be 0 (no port units) … {MaxShare} customers per port unit");
        }

        if (options.PortShare == 0)
        {
            return;
        }

        if ((long)options.FirstLock + options.Locks > MaxCustomers)
        {
            throw new ArgumentException($"with port units, first lock + locks must be at most {MaxCustomers}");
        }

        if (options.Locks + PortsIn(options).Count > LockFleet.MaxLocks)
        {
            throw new ArgumentException($"{options.Locks} door units and {PortsIn(options).Count} port units are over {LockFleet.MaxLocks} locks");
        }
    }

    /// <summary>The port units whose first customer is in the run: their indices from First.</summary>
    public static (int First, int Count) PortsIn(FleetDayOptions options)
    {
        int share = options.PortShare;
        int first = (options.FirstLock + share - 1) / share;
        int last = (options.FirstLock + options.Locks - 1) / share;
        return (first, Math.Max(0, last - first + 1));
    }

    public static uint IdOf(int port) => FirstPortLockId + (uint)port;

    /// <summary>Creates the run's port units in <paramref name="fleet"/> and plans their day.</summary>
    public static FleetPortUnits Create(LockFleet fleet, FleetDayOptions options)
    {
        (int first, int count) = PortsIn(options);
        var buildings = new Building[count];
        for (int i = 0; i < count; i++)
        {
            int port = first + i;
            FleetLock unit = fleet.Create(new CreateLockRequest { LockId = IdOf(port), Kind = "port", Serial = $"P{port % 10_000_000:D7}" });
            buildings[i] = new Building(unit, options, port);
        }

        return new FleetPortUnits(buildings, options.PortShare);
    }

    /// <summary>What the port units did: visits let in or shut out, commands answered and failed, waits.</summary>
    public FleetPortReport Report()
    {
        SimulatedPhone[] phones = _buildings.SelectMany(b => b.Phones).ToArray();
        string[] failures = phones.SelectMany(p => p.Refusals.Select(r => $"refused {r.Result}")
                .Concat(p.NotOk.Where(r => r.Result is not (ResultCode.AlreadyThere or ResultCode.AlreadyMoving)).Select(r => $"{r.Opcode} {r.Result}")))
            .Concat(_buildings.SelectMany(b => Enumerable.Repeat("shut out", b.ShutOut)))
            .ToArray();
        return new FleetPortReport(
            _buildings.Length,
            Share,
            _buildings.Sum(b => (long)b.Visits),
            _buildings.Sum(b => (long)b.LetIn),
            _buildings.Sum(b => (long)b.ShutOut),
            phones.Sum(p => (long)p.Answered),
            failures.Length,
            string.Join(", ", failures.GroupBy(f => f).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")),
            _buildings.Sum(b => (long)b.Link.Waits),
            _buildings.Sum(b => (long)b.Unit.Sim.Core.CompletedUnlocks),
            _buildings.Sum(b => (long)(b.Asked - b.Visits)));
    }

    /// <summary>One building: its port unit, the one connection its phones share, and its staff's visits.</summary>
    private sealed class Building
    {
        private readonly SimulatedLock _sim;
        private long _openUntil = long.MinValue;

        public Building(FleetLock unit, FleetDayOptions options, int port)
        {
            Unit = unit;
            _sim = unit.Sim;
            Link = new ConnectionArbiter(unit);
            int share = options.PortShare;
            var phones = new List<SimulatedPhone>(share + 1);
            for (int k = 0; k < share; k++)
            {
                int customer = port * share + k;
                // The customer's staff: the same user as at the customer's door, with a credential for this port unit.
                var staff = new Staff(SimulatedPhone.Staff(_sim, keyId: 7, userId: (uint)(1 + customer % 500)));
                staff.Phone.KeepResponses = false;
                phones.Add(staff.Phone);
                foreach (CareVisit visit in CareVisit.Draw(options, new Random(FleetDayRun.PlanSeed(options.Seed, customer))))
                {
                    Visits++;
                    Open(staff, visit.ArrivalMs);
                    Enter(staff, visit.ArrivalMs + PushAfterMs, visit.ArrivalMs + EntranceWaitMs);
                }
            }

            SimulatedPhone office = SimulatedPhone.Staff(_sim, keyId: 9, userId: 9_000);
            office.KeepResponses = false;
            phones.Add(office);
            var plan = new Random(FleetDayRun.PlanSeed(options.Seed, port) ^ PortPlanSalt);
            for (int hour = 0; hour < options.Hours; hour++)
            {
                Link.Send(office, hour * 3_600_000L + plan.Next(0, 60_000), Opcode.Status);
            }

            Phones = phones.ToArray();
        }

        public FleetLock Unit { get; }

        public ConnectionArbiter Link { get; }

        public SimulatedPhone[] Phones { get; }

        public int Visits { get; }

        public int LetIn { get; private set; }

        public int ShutOut { get; private set; }

        /// <summary>Unlocks the staff phones asked for: one per visit, and one more each time the door was found held shut.</summary>
        public int Asked { get; private set; }

        private void Open(Staff staff, long timeMs) => _sim.At(timeMs, () =>
        {
            staff.Asked++;
            Asked++;
            Link.Send(staff.Phone, _sim.Now, Opcode.Unlock);
        });

        /// <summary>
        /// The staff member at the entrance pushes the door at <paramref name="timeMs"/>, and again
        /// each second until <paramref name="giveUpMs"/>; while it is held shut they open again from
        /// the phone once its last request is answered.
        /// </summary>
        private void Enter(Staff staff, long timeMs, long giveUpMs) => _sim.At(timeMs, () =>
        {
            long now = _sim.Now;
            if (now < _openUntil)
            {
                LetIn++;
            }
            else if (_sim.Strike!.KeeperFree(now))
            {
                _openUntil = now + EntranceOpenMs;
                _sim.Door(now, true);
                _sim.Door(_openUntil, false);
                LetIn++;
            }
            else if (now + PushRetryMs <= giveUpMs)
            {
                if (staff.Answered)
                {
                    Open(staff, now);
                }

                Enter(staff, now + PushRetryMs, giveUpMs);
            }
            else
            {
                ShutOut++;
            }
        });
    }

    /// <summary>A customer's staff phone at the port unit, and how many unlocks it has been asked for so far.</summary>
    private sealed class Staff(SimulatedPhone phone)
    {
        public SimulatedPhone Phone { get; } = phone;

        public int Asked { get; set; }

        /// <summary>Every unlock asked for has its answer (or refusal).</summary>
        public bool Answered => Phone.Answered + Phone.Refusals.Count >= Asked;
    }
}
