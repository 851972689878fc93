using System;
using System.Collections.Generic;
using System.Linq;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// A pack whose cells start alike keeps one cell standing for all of them. That is only exact if
/// it reads, bit for bit, as separate cells carrying the same current would: checked here against
/// separate <see cref="BatteryCell"/>s summed in cell order, through loads, rests, a stall and a
/// change of temperature, for packs of two to four cells.
/// </summary>
public class BatteryLikeCellsTests
{
    public static TheoryData<string> Packs => new(PackParameters.Keys);

    private static readonly Dictionary<string, BatteryParameters> PackParameters = new()
    {
        ["good"] = BatteryParameters.Good,
        ["low"] = BatteryParameters.Low,
        ["depleted"] = BatteryParameters.Depleted,
        ["passivated"] = BatteryParameters.Passivated,
        ["cold"] = BatteryParameters.Good with { TemperatureC = -20 },
        ["rested a week"] = BatteryParameters.Good with { RestedDays = 7 },
        ["three cells"] = BatteryParameters.Good with { Cells = 3, StateOfCharge = 0.31 },
        ["four cells, weakest named alike"] = BatteryParameters.Low with { Cells = 4, WeakestCellStateOfCharge = 0.06 },
    };

    private static readonly double[] Currents = [0, 0.003, 0.0101, 0.3, 2.5];

    [Theory]
    [MemberData(nameof(Packs))]
    public void A_pack_of_like_cells_reads_as_its_separate_cells(string name)
    {
        BatteryParameters parameters = PackParameters[name];
        var pack = new BatteryPack(parameters);
        BatteryCell[] cells = Enumerable.Range(0, parameters.Cells)
            .Select(_ => new BatteryCell(parameters.CellCapacityAh, parameters.StateOfCharge, parameters.CellFreshOhms, parameters.RestedDays * 86400)
            {
                TemperatureC = parameters.TemperatureC,
            })
            .ToArray();
        int checks = 0;
        foreach ((double amps, double seconds, int steps) in new[] { (0.9, 0.005, 40), (0.3, 0.0049999999973806553, 300), (0.003, 0.5, 20), (2.5, 0.0001, 50), (0.0, 60.0, 5), (0.3, 0.005, 100) })
        {
            for (int i = 0; i < steps; i++)
            {
                Same(name, "open-circuit volts", Sum(cells, c => c.OpenCircuitVolts), pack.OpenCircuitVolts);
                Same(name, "internal ohms", Sum(cells, c => c.InternalOhms), pack.InternalOhms);
                Same(name, "state of charge", cells.Min(c => c.StateOfCharge), pack.StateOfCharge);
                foreach (double asked in Currents)
                {
                    Same(name, $"terminal volts at {asked} A", Sum(cells, c => c.TerminalVolts(asked)), pack.TerminalVolts(asked));
                    Same(name, $"weakest cell at {asked} A", cells.Min(c => c.TerminalVolts(asked)), pack.WeakestCellVolts(asked));
                    Same(name, $"volts drift at {asked} A", Sum(cells, c => c.PolarisationDriftPerSecond(asked)), pack.VoltsDriftPerSecond(asked));
                    Same(name, $"volts drift bound at {asked} A", Sum(cells, c => c.PolarisationDriftBound(asked)), pack.VoltsDriftBound(asked));
                    Same(name, $"ohms drift at {asked} A", Sum(cells, c => c.PassivationDriftPerSecond(asked)), pack.OhmsDriftPerSecond(asked));
                    Same(name, $"ohms drift bound at {asked} A", Sum(cells, c => c.PassivationDriftBound(asked)), pack.OhmsDriftBound(asked));
                    checks++;
                }

                pack.Advance(seconds, amps);
                foreach (BatteryCell cell in cells)
                {
                    cell.Advance(seconds, amps);
                }
            }

            // The weather turns between loads.
            pack.TemperatureC -= 3.5;
            foreach (BatteryCell cell in cells)
            {
                cell.TemperatureC -= 3.5;
            }
        }

        Assert.True(checks > 2_500);
    }

    [Fact]
    public void A_pack_with_a_weaker_cell_keeps_its_cells_apart()
    {
        var pack = new BatteryPack(BatteryParameters.GasRisk);
        var strong = new BatteryCell(5.8, 0.5, 0.15, 0);
        var weak = new BatteryCell(5.8, 0.0, 0.15, 0);
        for (int i = 0; i < 200; i++)
        {
            pack.Advance(0.005, 0.3);
            strong.Advance(0.005, 0.3);
            weak.Advance(0.005, 0.3);
        }

        Same("gas risk", "weakest cell", weak.TerminalVolts(0.3), pack.WeakestCellVolts(0.3));
        Same("gas risk", "terminal volts", weak.TerminalVolts(0.3) + strong.TerminalVolts(0.3), pack.TerminalVolts(0.3));
        Assert.True(pack.WeakestCellVolts(0.3) < pack.TerminalVolts(0.3) / 2, "the empty cell sags below its share");
    }

    /// <summary>Summed in cell order from zero, as the pack's cells add.</summary>
    private static double Sum(BatteryCell[] cells, Func<BatteryCell, double> reading)
    {
        double sum = 0;
        foreach (BatteryCell cell in cells)
        {
            sum += reading(cell);
        }

        return sum;
    }

    private static void Same(string pack, string what, double separate, double kept) =>
        Assert.True(BitConverter.DoubleToInt64Bits(separate) == BitConverter.DoubleToInt64Bits(kept),
            $"{pack}, {what}: separate cells {separate:R}, the pack {kept:R}");
}
