using System;
using System.Collections.Generic;
using LockFirmware;
using LockFirmware.Battery;
using LockFirmware.Motor;
using LockSimulator.Tracing;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Turns what one lock did into fleet events, in the order it happened: its trace (pins, state,
/// power) from a cursor on, and the firmware's alarm, battery level, warnings and gas risk
/// whenever they differ from what was last reported. Called after every run and at every
/// notification, so a change is reported at the virtual time the lock told a phone about it.
/// </summary>
internal sealed class LockEventSource
{
    private readonly SimulatedLock _sim;
    private readonly uint _lockId;
    private readonly long _offsetMs;
    private readonly bool _keepTrace;

    /// <summary>What <see cref="Take"/> gathers a lock's events in, and the buffer it hands them over in (per thread).</summary>
    [ThreadStatic]
    private static List<PendingEvent>? t_taken;

    [ThreadStatic]
    private static PendingEvent[]? t_taking;

    /// <summary>How much of <see cref="t_taking"/> the last take filled: what is beyond this take is cleared, so no old event's text stays alive.</summary>
    [ThreadStatic]
    private static int t_takingFilled;

    /// <summary>
    /// Events not yet published that no run took (a new lock's first, a server's between
    /// requests), oldest first, in the first <see cref="_heldCount"/> places; let go once taken,
    /// so a fleet lock keeps no buffer of its own between its hours.
    /// </summary>
    private PendingEvent[] _held = [];
    private int _heldCount;

    /// <summary>Where new events go while the fleet advances (the list of the thread running the lock); null: held.</summary>
    private List<PendingEvent>? _into;

    /// <summary>The event of the lock's making, until its first events are collected (see <see cref="Start"/>).</summary>
    private string? _startKind;
    private string? _startValue;
    private long _cursor;
    private MotorAlarm? _alarm;
    private BatteryLevel? _battery;
    private GasRiskCause? _gasRisk;
    private int _warnings = -1;

    /// <param name="keepTrace">False: the trace events are let go once turned into fleet events (a fleet day needs no trace).</param>
    public LockEventSource(SimulatedLock sim, uint lockId, long offsetMs, bool keepTrace)
    {
        _keepTrace = keepTrace;
        _sim = sim;
        _lockId = lockId;
        _offsetMs = offsetMs;
    }

    /// <summary>Fleet time of the last BLE write or notification.</summary>
    public long? LastCommunicationMs { get; private set; }

    public void Collect()
    {
        if (_startKind != null)
        {
            string kind = _startKind;
            _startKind = null;
            Add(kind, _startValue!);
        }

        // The cursor counts every event ever recorded; the trace keeps only the latest.
        IReadOnlyList<TraceEvent> trace = _sim.Trace.Events;
        long first = _sim.Trace.Dropped;
        for (_cursor = Math.Max(_cursor, first); _cursor < _sim.Trace.Total; _cursor++)
        {
            TraceEvent e = trace[(int)(_cursor - first)];
            switch (e.Signal)
            {
                case Signals.BleIn or Signals.BleOut:
                    LastCommunicationMs = e.TimeMs + _offsetMs;
                    break;
                case Signals.Phone:
                    break;
                default:
                    Add(e.TimeMs, e.Signal, e.Value);
                    break;
            }
        }

        if (!_keepTrace)
        {
            _sim.Trace.ForgetBefore(_cursor);
        }

        if (_sim.Powered)
        {
            CollectFirmwareView(_sim.Core);
        }
    }

    /// <summary>An event of the simulator's own (door, fault, …) at the lock's time now, after what the lock did before it.</summary>
    public void Add(string kind, string value)
    {
        if (_startKind != null)
        {
            Collect();
        }

        Add(_sim.Now, kind, value);
    }

    /// <summary>
    /// The lock's first events are <paramref name="kind"/> with <paramref name="value"/>, then what
    /// its boot recorded: collected when the lock is first asked for its events (published, or
    /// run), not now. Nothing happens to a lock between its making and then, so they are the same
    /// events; a fleet makes all its locks before it publishes, and each would otherwise hold them.
    /// </summary>
    public void Start(string kind, string value)
    {
        _startKind = kind;
        _startValue = value;
    }

    /// <summary>
    /// Moves the events not yet published to <paramref name="target"/> and sends new ones there
    /// too until <see cref="EndInto"/>: while the fleet advances, a lock's events go straight to
    /// the running thread's list, so no lock keeps a list sized for its busiest hour.
    /// </summary>
    public void BeginInto(List<PendingEvent> target)
    {
        TakeInto(target);
        _into = target;
    }

    public void EndInto() => _into = null;

    /// <summary>
    /// The events not yet published (a new lock's first ones collected now), in a buffer of the
    /// calling thread's, valid until that thread takes events again: publishing copies them into
    /// the log, and a fleet's creation publishes every lock's first events one lock at a time.
    /// </summary>
    public EventBatch Take()
    {
        List<PendingEvent> taken = t_taken ??= new List<PendingEvent>();
        TakeInto(taken);
        int count = taken.Count;
        PendingEvent[] events = t_taking is { } kept && kept.Length >= count ? kept : t_taking = new PendingEvent[Math.Max(count, 64)];
        taken.CopyTo(events);
        taken.Clear();
        if (t_takingFilled > count)
        {
            Array.Clear(events, count, t_takingFilled - count);
        }

        t_takingFilled = count;
        return new EventBatch(events, null, count);
    }

    /// <summary>Appends the events not yet published to <paramref name="target"/> (a new lock's first ones collected now).</summary>
    private void TakeInto(List<PendingEvent> target)
    {
        target.AddRange(_held.AsSpan(0, _heldCount));
        Release();
        if (_startKind != null)
        {
            _into = target;
            try
            {
                Collect();
            }
            finally
            {
                _into = null;
            }
        }
    }

    private void Release()
    {
        _held = [];
        _heldCount = 0;
    }

    private void Put(PendingEvent e)
    {
        if (_into != null)
        {
            _into.Add(e);
        }
        else
        {
            Hold(e);
        }
    }

    private void Hold(PendingEvent e)
    {
        if (_heldCount == _held.Length)
        {
            Array.Resize(ref _held, Math.Max(4, 2 * _heldCount));
        }

        _held[_heldCount++] = e;
    }

    private void CollectFirmwareView(LockCore core)
    {
        // Compared as values, named only on a change (without boxing): this runs at every notification.
        if (core.LastAlarm != _alarm)
        {
            _alarm = core.LastAlarm;
            Add(_sim.Now, "alarm", Name(core.LastAlarm));
        }

        if (core.BatteryLevel != _battery)
        {
            _battery = core.BatteryLevel;
            Add(_sim.Now, "battery", Name(core.BatteryLevel));
        }

        if (core.GasRisk != _gasRisk)
        {
            _gasRisk = core.GasRisk;
            Add(_sim.Now, "gasRisk", Name(core.GasRisk));
        }

        if (core.Warnings != _warnings)
        {
            _warnings = core.Warnings;
            Put(new PendingEvent(_sim.Now + _offsetMs, _lockId, "warnings", WarningNames.Hex(_warnings), WarningNames.OfEvent(_warnings)));
        }
    }

    private static string Name<T>(T value) where T : struct, Enum => Enum.GetName(value) ?? value.ToString();

    private void Add(long localMs, string kind, string value) => Put(new PendingEvent(localMs + _offsetMs, _lockId, kind, value));
}
