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

    /// <summary>The board's own consumption (MCU asleep, BLE advertising), amps.</summary>
    public double IdleAmps { get; init; } = 0.0001;

    /// <summary>The self-test load resistor, ohm.</summary>
    public double TestLoadOhms { get; init; } = 47;

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
