using LockSimulator.Tracing;

namespace LockSimulator.SelfTestJudging;

/// <summary>Which recorded channels carry the button and the two LEDs; by default the simulator's pin names.</summary>
public sealed record ChannelMap
{
    public string Button { get; init; } = Signals.Button;

    public string Green { get; init; } = Signals.GreenLed;

    public string Red { get; init; } = Signals.RedLed;
}
