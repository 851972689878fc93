using System;
using System.Collections.Generic;

namespace LockSimulator.Tracing;

/// <summary>
/// Records every change of every signal; repeated writes of the same value are not changes.
/// Unbounded by default (a scenario keeps its whole trace); with a <see cref="Capacity"/> it
/// keeps only the latest events (a long-running server), counting what it let go.
/// </summary>
public sealed class TraceRecorder
{
    // Room for what a boot records (power, state, advertising, pins), which a lock's first reader finds at once.
    private readonly List<TraceEvent> _events = new(8);

    // Each signal's last value, side by side: a lock records about a dozen signals, whose names
    // are constants, so a short scan by reference is cheaper than a hash table per lock.
    private (string Signal, string Value)[] _last = new (string, string)[8];
    private int _signals;
    private int _capacity = int.MaxValue;

    /// <summary>The retained events, oldest first; the first has index <see cref="Dropped"/> among all ever recorded.</summary>
    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Most events kept; when full, the oldest quarter is let go at once (so recording stays cheap).</summary>
    public int Capacity
    {
        get => _capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 4);
            _capacity = value;
            Trim();
        }
    }

    /// <summary>
    /// False: logged occurrences keep their time and signal but not their text (BLE frames as
    /// hex, the phones' log lines), for a run that reads only when they happened (a fleet day);
    /// that text is most of what tracing costs.
    /// </summary>
    public bool Detailed { get; set; } = true;

    /// <summary>Events recorded and then let go because of <see cref="Capacity"/>.</summary>
    public long Dropped { get; private set; }

    /// <summary>Events ever recorded: the index the next one will have.</summary>
    public long Total => Dropped + _events.Count;

    public void Record(long timeMs, string signal, string value)
    {
        int known = IndexOf(signal);
        if (known >= 0 && _last[known].Value == value)
        {
            return;
        }

        if (known < 0)
        {
            if (_signals == _last.Length)
            {
                Array.Resize(ref _last, 2 * _signals);
            }

            known = _signals++;
            _last[known].Signal = signal;
        }

        _last[known].Value = value;
        Add(new TraceEvent(timeMs, signal, value));
    }

    private int IndexOf(string signal)
    {
        for (int i = 0; i < _signals; i++)
        {
            if (ReferenceEquals(_last[i].Signal, signal))
            {
                return i;
            }
        }

        for (int i = 0; i < _signals; i++)
        {
            if (string.Equals(_last[i].Signal, signal, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Logged occurrences (BLE frames) are events even when they repeat.</summary>
    public void Log(long timeMs, string signal, string value)
    {
        Add(new TraceEvent(timeMs, signal, value));
    }

    /// <summary>
    /// Lets go of the retained events before index <paramref name="total"/> (they count as
    /// <see cref="Dropped"/>): a reader that has taken them keeps the recorder small.
    /// </summary>
    public void ForgetBefore(long total)
    {
        int drop = (int)Math.Clamp(total - Dropped, 0, _events.Count);
        if (drop > 0)
        {
            _events.RemoveRange(0, drop);
            Dropped += drop;
        }
    }

    /// <summary>Raised as each event is added, at the moment of the simulation it happens (for probes that read other state then).</summary>
    public event Action<TraceEvent>? Added;

    private void Add(TraceEvent e)
    {
        _events.Add(e);
        Added?.Invoke(e);
        if (_events.Count > _capacity)
        {
            Trim();
        }
    }

    private void Trim()
    {
        if (_events.Count > _capacity)
        {
            int drop = Math.Max(_events.Count - _capacity, _capacity / 4);
            _events.RemoveRange(0, drop);
            Dropped += drop;
        }
    }
}
