using System;
using System.Collections.Generic;
using LockFirmware;
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
    private readonly List<PendingEvent> _pending = new();
    private long _cursor;
    private long _order;
    private string? _alarm;
    private string? _battery;
    private string? _gasRisk;
    private int _warnings = -1;

    public LockEventSource(SimulatedLock sim, uint lockId, long offsetMs)
    {
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

        if (_sim.Powered)
        {
            CollectFirmwareView(_sim.Core);
        }
    }

    /// <summary>An event of the simulator's own (door, fault, …) at the lock's time now.</summary>
    public void Add(string kind, string value) => Add(_sim.Now, kind, value);

    public List<PendingEvent> Take()
    {
        var taken = new List<PendingEvent>(_pending);
        _pending.Clear();
        return taken;
    }

    private void CollectFirmwareView(LockCore core)
    {
        Report(ref _alarm, core.LastAlarm.ToString(), "alarm");
        Report(ref _battery, core.BatteryLevel.ToString(), "battery");
        Report(ref _gasRisk, core.GasRisk.ToString(), "gasRisk");
        if (core.Warnings != _warnings)
        {
            _warnings = core.Warnings;
            _pending.Add(new PendingEvent(_sim.Now + _offsetMs, _lockId, _order++, "warnings", $"0x{_warnings:X2}", WarningNames.Of(_warnings)));
        }
    }

    private void Report(ref string? last, string now, string kind)
    {
        if (now != last)
        {
            last = now;
            Add(_sim.Now, kind, now);
        }
    }

    private void Add(long localMs, string kind, string value) =>
        _pending.Add(new PendingEvent(localMs + _offsetMs, _lockId, _order++, kind, value));
}
