using LockSimulator.Physics;

namespace LockSimulator.Cli.Commands;

/// <summary>The batteries <c>selftest --battery</c> can fit; new presets get one line here.</summary>
public static class SelfTestBatteries
{
    public static readonly string[] Names = ["good", "low", "depleted", "gas-risk"];

    public static BatteryParameters For(string name) => name switch
    {
        "good" => BatteryParameters.Good,
        "low" => BatteryParameters.Low,
        "depleted" => BatteryParameters.Depleted,
        "gas-risk" => BatteryParameters.GasRisk,
        _ => throw new System.ArgumentOutOfRangeException(nameof(name), name, $"one of: {string.Join(", ", Names)}"),
    };
}
