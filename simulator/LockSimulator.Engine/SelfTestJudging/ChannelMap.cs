using LockSimulator.Tracing;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Which recorded channels carry the button and the two LEDs, and whether each is active-low
/// (a pressed button or a lit LED pulls its line to 0, as with a pull-up button or an LED
/// wired from the supply to the pin). By default the simulator's names, active-high.
/// </summary>
public sealed record ChannelMap
{
    public MappedChannel Button { get; init; } = new(Signals.Button);

    public MappedChannel Green { get; init; } = new(Signals.GreenLed);

    public MappedChannel Red { get; init; } = new(Signals.RedLed);

    public override string ToString() => $"button={Button}, green={Green}, red={Red}";
}

/// <summary>A channel's name in the recording and whether it is active-low.</summary>
public sealed record MappedChannel(string Name, bool ActiveLow = false)
{
    /// <summary>The suffix that marks an active-low channel in a map: <c>button=D0:low</c>.</summary>
    public const string ActiveLowSuffix = ":low";

    public override string ToString() => ActiveLow ? Name + ActiveLowSuffix : Name;
}
