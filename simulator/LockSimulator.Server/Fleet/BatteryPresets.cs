using LockSimulator.Physics;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>The battery packs a request can fit, by name.</summary>
internal static class BatteryPresets
{
    public const string Names = "good, low, depleted, gas-risk, passivated";

    public static readonly string[] All = ["good", "low", "depleted", "gas-risk", "passivated"];

    public static BatteryParameters For(string? name) => name switch
    {
        "good" => BatteryParameters.Good,
        "low" => BatteryParameters.Low,
        "depleted" => BatteryParameters.Depleted,
        "gas-risk" => BatteryParameters.GasRisk,
        "passivated" => BatteryParameters.Passivated,
        _ => throw ApiProblem.BadRequest($"unknown battery preset '{name}' (one of: {Names})"),
    };
}
