using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockSimulator.Tracing;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// The three signals the self-test is judged on, active-high (true = pressed, lit), and when
/// the recording started and ended (microseconds).
/// </summary>
public sealed record SelfTestRecording(DigitalSignal Button, DigitalSignal Green, DigitalSignal Red, long StartUs, long EndUs)
{
    /// <summary>The file's last line had no newline (a copy cut off?) and was not read: see <see cref="VcdReader.Truncated"/>.</summary>
    public bool Truncated { get; init; }

    /// <summary>From a simulated lock's trace, which ran from 0 until <paramref name="endMs"/>.</summary>
    public static SelfTestRecording FromTrace(IEnumerable<TraceEvent> events, long endMs) => new(
        Pin(events, Signals.Button), Pin(events, Signals.GreenLed), Pin(events, Signals.RedLed), 0, endMs * 1000);

    /// <summary>
    /// From a logic analyser's dump, streamed: only the three mapped channels are kept, turned
    /// active-high and cleaned of bounces and glitches as they are read
    /// (<see cref="SelfTestJudge.Clean"/>), so memory grows with the presses and blinks, not
    /// with the file. A channel the dump lacks throws <see cref="UnusableRecordingException"/>.
    /// </summary>
    public static SelfTestRecording FromVcd(TextReader text, ChannelMap map)
    {
        VcdReader vcd = VcdReader.Open(text);
        MappedChannel[] roles = [map.Button, map.Green, map.Red];
        PulseFilter[] filters = [SelfTestJudge.ButtonFilter(), SelfTestJudge.LedFilter(), SelfTestJudge.LedFilter()];
        int[] signals = roles.Select(r => vcd.Find(r.Name)).ToArray();
        var wanted = new bool[vcd.SignalCount];
        foreach (int s in signals)
        {
            wanted[s] = true;
        }

        vcd.ReadChanges(wanted, (signal, timeUs, level) =>
        {
            // One signal may be mapped to two roles (a wiring check); each role gets the change.
            for (int role = 0; role < roles.Length; role++)
            {
                if (signals[role] == signal)
                {
                    filters[role].Set(timeUs, level != roles[role].ActiveLow);
                }
            }
        });
        return new SelfTestRecording(filters[0].Finish(), filters[1].Finish(), filters[2].Finish(), vcd.StartUs, vcd.EndUs)
        {
            Truncated = vcd.Truncated,
        };
    }

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
