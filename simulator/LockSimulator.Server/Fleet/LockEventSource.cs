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

    /// <summary>Gathers a new lock's first events on the thread creating it (see <see cref="Start"/>).</summary>
    [ThreadStatic]
    private static List<PendingEvent>? t_gathered;

    /// <summary>
    /// Events not yet published that no run took (a new lock's first, a server's between
    /// requests), oldest first, in the first <see cref="_heldCount"/> places; let go once taken,
    /// so a fleet lock keeps no buffer of its own between its hours.
    /// </summary>
    private PendingEvent[] _held = [];
    private int _heldCount;

    /// <summary>Where new events go while the fleet advances (the list of the thread running the lock); null: held.</summary>
    private List<PendingEvent>? _into;
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

    /// <summary>An event of the simulator's own (door, fault, …) at the lock's time now.</summary>
    public void Add(string kind, string value) => Add(_sim.Now, kind, value);

    /// <summary>
    /// The lock's first events: <paramref name="kind"/> with <paramref name="value"/>, then what
    /// its boot recorded. Gathered in a list of the creating thread's and held in an array of
    /// exactly their number, which <see cref="Take"/> hands over as it is: a fleet creates all its
    /// locks before it publishes, and each would otherwise hold a list grown for them and a copy.
    /// </summary>
    public void Start(string kind, string value)
    {
        List<PendingEvent> gathered = t_gathered ??= new List<PendingEvent>();
        _into = gathered;
        try
        {
            Add(kind, value);
            Collect();
        }
        finally
        {
            _into = null;
        }

        _held = [.. _held.AsSpan(0, _heldCount), .. gathered];
        _heldCount = _held.Length;
        gathered.Clear();
    }

    /// <summary>
    /// Moves the events not yet published to <paramref name="target"/> and sends new ones there
    /// too until <see cref="EndInto"/>: while the fleet advances, a lock's events go straight to
    /// the running thread's list, so no lock keeps a list sized for its busiest hour.
    /// </summary>
    public void BeginInto(List<PendingEvent> target)
    {
        target.AddRange(_held.AsSpan(0, _heldCount));
        Release();
        _into = target;
    }

    public void EndInto() => _into = null;

    public PendingEvent[] Take()
    {
        PendingEvent[] taken = _heldCount == _held.Length ? _held : _held.AsSpan(0, _heldCount).ToArray();
        Release();
        return taken;
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
        // Compared as values, named only on a change: this runs at every notification.
        if (core.LastAlarm != _alarm)
        {
            _alarm = core.LastAlarm;
            Add(_sim.Now, "alarm", core.LastAlarm.ToString());
        }

        if (core.BatteryLevel != _battery)
        {
            _battery = core.BatteryLevel;
            Add(_sim.Now, "battery", core.BatteryLevel.ToString());
        }

        if (core.GasRisk != _gasRisk)
        {
            _gasRisk = core.GasRisk;
            Add(_sim.Now, "gasRisk", core.GasRisk.ToString());
        }

        if (core.Warnings != _warnings)
        {
            _warnings = core.Warnings;
            Put(new PendingEvent(_sim.Now + _offsetMs, _lockId, "warnings", $"0x{_warnings:X2}", WarningNames.Of(_warnings)));
        }
    }

    private void Add(long localMs, string kind, string value) => Put(new PendingEvent(localMs + _offsetMs, _lockId, kind, value));
}
