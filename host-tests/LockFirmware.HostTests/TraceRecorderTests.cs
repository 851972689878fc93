using System.Linq;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>The trace keeps changes only: a signal written again with its value is not an event.</summary>
public class TraceRecorderTests
{
    [Fact]
    public void A_repeated_value_is_not_recorded_for_any_of_many_signals()
    {
        var trace = new TraceRecorder();
        string[] signals = Enumerable.Range(0, 20).Select(i => $"signal{i}").ToArray();
        foreach (string signal in signals)
        {
            trace.Record(1, signal, "0");
        }

        // Equal names made apart, and equal values made apart, are the same signal and value.
        foreach (string signal in signals)
        {
            trace.Record(2, new string(signal.ToCharArray()), new string('0', 1));
        }

        trace.Record(3, signals[17], "1");
        trace.Record(4, signals[17], "1");
        trace.Record(5, signals[3], "1");

        Assert.Equal(22, trace.Events.Count);
        Assert.Equal([(3L, "signal17", "1"), (5L, "signal3", "1")], trace.Events.Skip(20).Select(e => (e.TimeMs, e.Signal, e.Value)));
    }
}
