using System.Collections.Generic;
using System.Linq;
using LockSimulator.Tracing;

namespace LockSimulator.SelfTestJudging;

/// <summary>The three signals the self-test is judged on, and when the recording ended (microseconds).</summary>
public sealed record SelfTestRecording(DigitalSignal Button, DigitalSignal Green, DigitalSignal Red, long EndUs)
{
    /// <summary>From a simulated lock's trace, which ran until <paramref name="endMs"/>.</summary>
    public static SelfTestRecording FromTrace(IEnumerable<TraceEvent> events, long endMs) => new(
        Pin(events, Signals.Button), Pin(events, Signals.GreenLed), Pin(events, Signals.RedLed), endMs * 1000);

    /// <summary>From a logic analyser's dump; a channel it lacks throws <see cref="UnusableRecordingException"/>.</summary>
    public static SelfTestRecording FromVcd(VcdRecording vcd, ChannelMap map) => new(
        vcd.Channel(map.Button), vcd.Channel(map.Green), vcd.Channel(map.Red), vcd.EndUs);

    private static DigitalSignal Pin(IEnumerable<TraceEvent> events, string signal)
    {
        var pin = new DigitalSignal();
        foreach (TraceEvent e in events.Where(e => e.Signal == signal))
        {
            pin.Set(e.TimeMs * 1000, e.Value == "1");
        }

        return pin;
    }
}
