namespace LockSimulator.Physics;

/// <summary>
/// A battery pack as the simulator sees it (hardware/batteries/ gives the datasheet figures):
/// open-circuit voltage and internal resistance of the whole pack. The battery issue grows
/// this into a discharge curve, passivation and per-cell reversal.
/// </summary>
public sealed record BatteryParameters
{
    /// <summary>Open-circuit voltage of the pack, volts (two Li-SOCl2 cells at 3.65 V).</summary>
    public double OpenCircuitVolts { get; init; } = 7.3;

    /// <summary>Internal resistance of the pack, ohm (fresh, room temperature).</summary>
    public double InternalOhms { get; init; } = 0.3;

    /// <summary>The board's own consumption (radio, MCU), amps: loads the pack all the time.</summary>
    public double IdleAmps { get; init; } = 0.002;

    /// <summary>The self-test load resistor, ohm.</summary>
    public double TestLoadOhms { get; init; } = 47;

    public static BatteryParameters Good => new();

    public static BatteryParameters Low => new() { OpenCircuitVolts = 6.3, InternalOhms = 0.9 };

    public static BatteryParameters Depleted => new() { OpenCircuitVolts = 4.2, InternalOhms = 4.0 };
}
