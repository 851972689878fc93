using System.Collections.Generic;

namespace LockSimulator.Tracing;

/// <summary>Records every change of every signal; repeated writes of the same value are not changes.</summary>
public sealed class TraceRecorder
{
    private readonly List<TraceEvent> _events = new();
    private readonly Dictionary<string, string> _last = new();

    public IReadOnlyList<TraceEvent> Events => _events;

    public void Record(long timeMs, string signal, string value)
    {
        if (_last.TryGetValue(signal, out string? previous) && previous == value)
        {
            return;
        }

        _last[signal] = value;
        _events.Add(new TraceEvent(timeMs, signal, value));
    }

    /// <summary>Logged occurrences (BLE frames) are events even when they repeat.</summary>
    public void Log(long timeMs, string signal, string value)
    {
        _events.Add(new TraceEvent(timeMs, signal, value));
    }
}
