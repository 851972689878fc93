using System;

namespace LockSimulator.Physics;

/// <summary>
/// A battery pack as fitted: how many Li-SOCl2 cells in series, their state, the conditions
/// (hardware/batteries/li-socl2-2s.md gives the figures). The simulator turns it into a
/// <see cref="BatteryPack"/> whose voltage comes from each cell's discharge curve, internal
/// and polarisation resistance, passivation and temperature.
/// </summary>
public sealed record BatteryParameters
{
    public int Cells { get; init; } = 2;

    /// <summary>Capacity of one cell, ampere-hours (spiral C cell).</summary>
    public double CellCapacityAh { get; init; } = 5.8;

    /// <summary>State of charge of every cell but the weakest, 0..1.</summary>
    public double StateOfCharge { get; init; } = 0.9;

    /// <summary>State of charge of the weakest cell; below 0 it has been driven past empty towards reversal.</summary>
    public double? WeakestCellStateOfCharge { get; init; }

    /// <summary>Internal resistance of one fresh cell at 20 °C, ohm.</summary>
    public double CellFreshOhms { get; init; } = 0.15;

    /// <summary>Cell temperature, °C: resistance rises in the cold.</summary>
    public double TemperatureC { get; init; } = 20;

    /// <summary>How long the cells have rested unloaded before the simulation starts (passivation builds up).</summary>
    public double RestedDays { get; init; }

    /// <summary>The self-test load resistor, ohm.</summary>
    public double TestLoadOhms { get; init; } = 47;

    /// <summary>
    /// One cell's capacity at an average drain of <paramref name="averageAmps"/>: the rated
    /// capacity up to 10 mA, less as the drain rises (0.93 at 100 mA, 0.75 at 1 A), after the
    /// shape of spiral Li-SOCl2 cells' capacity-versus-current curves (hardware/batteries/li-socl2-2s.md).
    /// </summary>
    public double UsableCapacityAh(double averageAmps)
    {
        double factor = averageAmps <= 0.01 ? 1.0
            : averageAmps <= 0.1 ? 1.0 - 0.07 * (averageAmps - 0.01) / 0.09
            : Math.Max(0.75, 0.93 - 0.18 * (averageAmps - 0.1) / 0.9);
        return CellCapacityAh * factor;
    }

    public static BatteryParameters Good => new();

    /// <summary>On the knee of the curve: "about to become unavailable", still safe to change.</summary>
    public static BatteryParameters Low => new() { StateOfCharge = 0.06 };

    /// <summary>Both cells completely discharged.</summary>
    public static BatteryParameters Depleted => new() { StateOfCharge = 0.0 };

    /// <summary>One cell empty while the other still has charge: the motor's current would drive it into reversal (gas risk).</summary>
    public static BatteryParameters GasRisk => new() { StateOfCharge = 0.5, WeakestCellStateOfCharge = 0.0 };

    /// <summary>One cell already driven past empty by the other.</summary>
    public static BatteryParameters CellReversed => new() { StateOfCharge = 0.4, WeakestCellStateOfCharge = -0.06 };

    /// <summary>A fresh pack that has sat on a shelf for a year: passivated.</summary>
    public static BatteryParameters Passivated => new() { StateOfCharge = 1.0, RestedDays = 365 };
}
