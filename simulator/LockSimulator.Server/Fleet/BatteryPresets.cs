using LockSimulator.Physics;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>The battery packs a request can fit, by name.</summary>
internal static class BatteryPresets
{
    public const string Names = "good, low, depleted, gas-risk, passivated";

    public static readonly string[] All = ["good", "low", "depleted", "gas-risk", "passivated"];

    // Made once: the parameters are immutable, so the locks with a preset share them.
    private static readonly BatteryParameters Good = BatteryParameters.Good;
    private static readonly BatteryParameters Low = BatteryParameters.Low;
    private static readonly BatteryParameters Depleted = BatteryParameters.Depleted;
    private static readonly BatteryParameters GasRisk = BatteryParameters.GasRisk;
    private static readonly BatteryParameters Passivated = BatteryParameters.Passivated;

    public static BatteryParameters For(string? name) => name switch
    {
        "good" => Good,
        "low" => Low,
        "depleted" => Depleted,
        "gas-risk" => GasRisk,
        "passivated" => Passivated,
        _ => throw ApiProblem.BadRequest($"unknown battery preset '{name}' (one of: {Names})"),
    };
}
