namespace LockSimulator.Tracing;

/// <summary>Names of the traced signals (pins and logical events of the simulated lock).</summary>
public static class Signals
{
    public const string Button = "button";
    public const string GreenLed = "led.green";
    public const string RedLed = "led.red";
    public const string Motor = "motor";
    public const string TestLoad = "load";
    public const string Power = "power";
    public const string Door = "door";

    /// <summary>A port unit's strike: the relay's output and what the keeper does.</summary>
    public const string Strike = "strike";

    /// <summary>A mains-fed unit's supply: the building's supply present or lost, as its sense input shows it.</summary>
    public const string Mains = "mains";
    public const string BleIn = "ble.in";
    public const string BleOut = "ble.out";

    /// <summary>The BLE link: connections, MTU exchanges, refused writes, advertising changes.</summary>
    public const string BleLink = "ble.link";
    public const string State = "state";

    /// <summary>The output guard's trips and restarts.</summary>
    public const string Guard = "guard";

    /// <summary>Faults injected into the virtual board and how the firmware contained them.</summary>
    public const string Fault = "fault";

    /// <summary>What a simulated phone sent and understood, message by message.</summary>
    public const string Phone = "phone";
}
