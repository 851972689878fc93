using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockSimulator.Budget;
using LockSimulator.Physics;

namespace LockSimulator.Latency;

/// <summary>
/// Unlock latency over many seeded visits: each kind of visit on its own, and a fleet-like mix
/// of them, on the device timing profile with the link of <see cref="BoardBudget.Link"/>.
/// The same interval and run count give the same report.
/// </summary>
public static class LatencyStudy
{
    /// <summary>
    /// The kinds of visit and their shares of a fleet's visits (estimates): the app asks for a
    /// large MTU on connecting (iOS always exchanges it, 185; our Android app requests 247); one
    /// visit in twenty finds a battery the back office already warns about; one in a hundred
    /// comes from an app that skips the MTU exchange; a visit right after a battery change
    /// (clock unknown) is about one in 1 500 (a yearly change, four visits a day), counted as one
    /// in a thousand.
    /// </summary>
    public static IReadOnlyList<LatencyCase> Cases { get; } =
    [
        new("MTU exchanged, clock known, good battery", 182, true, BatteryParameters.Good, 0.939),
        new("no MTU exchange (ATT MTU 23)", Fragment.DefaultPayload, true, BatteryParameters.Good, 0.01),
        new("clock unknown (battery just changed)", 182, false, BatteryParameters.Good, 0.001),
        new("low battery (6 %)", 182, true, BatteryParameters.Low, 0.05),
    ];

    /// <summary>Times <paramref name="runs"/> seeded visits of each kind and of the fleet mix over <paramref name="budget"/>.</summary>
    public static LatencyReport Run(BoardBudget budget, int runs)
    {
        if (runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runs), runs, "at least one run");
        }

        var rows = new List<LatencyRow>();
        foreach (LatencyCase kind in Cases)
        {
            LatencySample[] samples = Enumerable.Range(1, runs).Select(seed => LatencyVisit.Run(kind, budget, seed)).ToArray();
            rows.Add(LatencyRow.Of(kind.Name, samples, kind.GoodBattery, judged: kind.FleetShare >= 0.5, budget.Link));
        }

        // The fleet draws a kind per visit by its share; seeds differ from the rows' above.
        var fleet = new LatencySample[runs];
        for (int i = 0; i < runs; i++)
        {
            int seed = 100_000 + i;
            fleet[i] = LatencyVisit.Run(Draw(new Random(seed).NextDouble()), budget, seed);
        }

        return new LatencyReport(budget.Link, runs, rows, LatencyRow.Of("fleet mix", fleet, goodBattery: false, judged: false, budget.Link));
    }

    private static LatencyCase Draw(double u)
    {
        double total = Cases.Sum(c => c.FleetShare);
        double at = u * total;
        foreach (LatencyCase kind in Cases)
        {
            at -= kind.FleetShare;
            if (at < 0)
            {
                return kind;
            }
        }

        return Cases[^1];
    }
}
