namespace LockSimulator.Server.Contracts;

/// <summary>The kinds of <see cref="FleetEvent"/>: a closed set.</summary>
public static class FleetEventKinds
{
    /// <summary>
    /// From the lock's trace: state, motor, led.green, led.red, load, button, power, door; the
    /// firmware's view when it changes: alarm, battery, warnings (with names), gasRisk; the
    /// simulator's: created, removed, fault.
    /// </summary>
    public static readonly string[] All =
    [
        "state", "motor", "led.green", "led.red", "load", "button", "power", "door",
        "alarm", "battery", "warnings", "gasRisk",
        "created", "removed", "fault",
    ];
}
