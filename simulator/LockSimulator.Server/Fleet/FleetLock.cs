using System;
using System.Collections.Generic;
using System.Threading;
using LockFirmware.Events;
using LockFirmware.Protocol.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// One lock of the fleet: the engine's <see cref="SimulatedLock"/> behind its own gate (the
/// engine is single-threaded per lock), what the simulator records around it, and isolation:
/// if its simulation throws, the lock is marked faulted and stops running, and nothing else is touched.
/// </summary>
internal sealed class FleetLock
{
    /// <summary>Virtual phones per lock: each stays subscribed to the lock's notifications, so their number is bounded.</summary>
    public const int MaxPhones = 64;

    /// <summary>
    /// Trace events kept per lock (pins, state, BLE frames, phone messages): the latest 8 192,
    /// at most about 1 MB with BLE frames as hex. Fleet events are taken from the trace as it grows.
    /// </summary>
    public const int TraceCapacity = 8_192;

    /// <summary>Latest fleet events each lock keeps for <c>GET /locks/{id}/events</c>.</summary>
    public const int RecentEvents = 64;

    private readonly object _gate = new();
    private FleetEvent[]? _recent;
    private long _remembered;
    private readonly LockEventSource _events;
    private Dictionary<string, SimulatedPhone>? _phones;

    public FleetLock(LockSetup setup, string batteryPreset, long offsetMs, bool keepTrace = true)
    {
        OffsetMs = offsetMs;
        BatteryPreset = batteryPreset;
        Sim = new SimulatedLock(setup);
        Sim.Trace.Capacity = TraceCapacity;
        Sim.Trace.Detailed = keepTrace;
        Sim.Radio.KeepNotifications = false;
        Secret = setup.Paired ? setup.Secret : null;
        _events = new LockEventSource(Sim, setup.LockId, offsetMs, keepTrace);
        Sim.Radio.Notified += _ => _events.Collect();
        _events.Start("created", setup.Serial);
    }

    public uint Id => Sim.Setup.LockId;

    public SimulatedLock Sim { get; }

    /// <summary>Fleet time at which this lock's virtual time started (when it was created).</summary>
    public long OffsetMs { get; }

    /// <summary>This lock's time in fleet time.</summary>
    public long FleetNow => Sim.Now + OffsetMs;

    public string BatteryPreset { get; set; }

    /// <summary>
    /// The secret the lock was last paired with (at creation, or by a PAIR it accepted over a
    /// link or through the API): what the backend endpoints issue with. Null for a stock unit.
    /// </summary>
    public byte[]? Secret { get; set; }

    /// <summary>The secret while the firmware says it is paired (call under the gate).</summary>
    public byte[]? PairedSecret => Sim.Powered && !Sim.Core.Protocol.IsPaired ? null : Secret;

    public bool DoorOpen { get; set; }

    public string? Fault { get; private set; }

    /// <summary>Next audit sequence the virtual phones have not yet synced.</summary>
    public uint SyncedFrom { get; set; }

    public long? LastCommunicationMs => _events.LastCommunicationMs;

    /// <summary>Cancelled when the lock leaves the fleet: its BLE links close.</summary>
    public CancellationTokenSource Removed { get; } = new();

    /// <summary>Runs <paramref name="action"/> on the lock alone, then handles whatever became due at this instant.</summary>
    public T Use<T>(Func<T> action)
    {
        lock (_gate)
        {
            if (Fault != null)
            {
                throw ApiProblem.Conflict($"lock {Id} failed earlier and is isolated: {Fault}");
            }

            try
            {
                T result = action();
                Sim.RunUntil(Sim.Now);
                _events.Collect();
                return result;
            }
            catch (Exception e) when (e is not ApiProblem)
            {
                Isolate(e);
                throw new ApiProblem(500, $"the simulation of lock {Id} failed and the lock is isolated: {Fault}");
            }
        }
    }

    public void Use(Action action) => Use(() =>
    {
        action();
        return true;
    });

    /// <summary>Reads under the gate without running anything (works on a faulted lock too).</summary>
    public T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    public void Read(Action read) => Read(() =>
    {
        read();
        return true;
    });

    /// <summary>
    /// Advances this lock to fleet time <paramref name="fleetMs"/>; a failure isolates it. Its
    /// events not yet published, and those of the run, are appended to <paramref name="events"/> in the lock's order.
    /// </summary>
    public void RunTo(long fleetMs, List<PendingEvent> events)
    {
        lock (_gate)
        {
            _events.BeginInto(events);
            try
            {
                if (Fault == null)
                {
                    Sim.RunUntil(fleetMs - OffsetMs);
                    _events.Collect();
                }
            }
            catch (Exception e)
            {
                Isolate(e);
            }
            finally
            {
                _events.EndInto();
            }
        }
    }

    /// <summary>Stages of <see cref="Prefetch"/>: this object, its parts, then the simulated lock's.</summary>
    public const int PrefetchStages = 2 + SimulatedLock.PrefetchStages;

    /// <summary>
    /// Hints the CPU to fetch what <see cref="RunTo"/> reads first (<see cref="LockSimulator.Timing.Prefetch"/>),
    /// stage by stage: 0 this object, 1 its parts, then <see cref="SimulatedLock.Prefetch"/>'s
    /// stages. Called without the gate: it reads pointers, and writes only the lock's own hint field (nothing the simulation reads).
    /// </summary>
    public void Prefetch(int stage)
    {
        switch (stage)
        {
            case 0:
                LockSimulator.Timing.Prefetch.Lines(this, 2);
                break;
            case 1:
                LockSimulator.Timing.Prefetch.Lines(Sim, 3);
                LockSimulator.Timing.Prefetch.Lines(_events, 2);
                LockSimulator.Timing.Prefetch.Lines(_gate, 1);
                break;
            default:
                Sim.Prefetch(stage - 2);
                break;
        }
    }

    /// <summary>Keeps <paramref name="published"/> among the lock's latest events (the ring is made on first use).</summary>
    public void Remember(FleetEvent published)
    {
        lock (_gate)
        {
            _recent ??= new FleetEvent[RecentEvents];
            _recent[_remembered++ % RecentEvents] = published;
        }
    }

    /// <summary>The lock's kept events after sequence number <paramref name="since"/>, oldest first.</summary>
    public FleetEvent[] RecentSince(long since)
    {
        lock (_gate)
        {
            var found = new List<FleetEvent>();
            for (long i = Math.Max(0, _remembered - RecentEvents); i < _remembered; i++)
            {
                FleetEvent e = _recent![i % RecentEvents];
                if (e.Seq > since)
                {
                    found.Add(e);
                }
            }

            return found.ToArray();
        }
    }

    public void Note(string kind, string value)
    {
        lock (_gate)
        {
            _events.Add(kind, value);
        }
    }

    /// <summary>The lock's events not yet published, in a buffer of the calling thread's: valid until that thread takes events again.</summary>
    public EventBatch TakeEvents()
    {
        lock (_gate)
        {
            return _events.Take();
        }
    }

    /// <summary>The virtual phone carrying <paramref name="credential"/> (call under the gate).</summary>
    public SimulatedPhone PhoneFor(IssuedCredential credential, LockBackend backend)
    {
        string key = Convert.ToHexString(credential.Credential) + Convert.ToHexString(credential.Key);
        // Made on first use: a fleet day's locks meet their phones elsewhere.
        _phones ??= new Dictionary<string, SimulatedPhone>();
        if (!_phones.TryGetValue(key, out SimulatedPhone? phone))
        {
            if (_phones.Count >= MaxPhones)
            {
                throw ApiProblem.Conflict($"lock {Id} has met {MaxPhones} different credentials; remove and recreate it for more");
            }

            phone = new SimulatedPhone(Sim, credential, backend);
            _phones.Add(key, phone);
        }

        return phone;
    }

    /// <summary>The phone's side of the link ends (call under the gate): the lock closes its session.</summary>
    public void Disconnect()
    {
        Sim.Connected = null;
        if (Sim.Powered)
        {
            Sim.Core.Inputs.Post(InputKind.BleDisconnected);
        }
    }

    /// <summary>A new connection's ATT payload (call under the gate): every link starts at its own MTU.</summary>
    public void SetPayload(int payload)
    {
        if (Sim.Connected is { } holder)
        {
            Sim.Radio.ExchangeMtu(holder, payload + 3);
        }
    }

    private void Isolate(Exception e)
    {
        Fault = $"{e.GetType().Name}: {e.Message}";
        _events.Add("fault", Fault);
    }

    /// <summary>A phone can connect only to a powered lock whose one BLE connection is free (409 otherwise).</summary>
    public void RequireFreeLink()
    {
        if (!Sim.Powered)
        {
            throw ApiProblem.Conflict($"lock {Id} has no power: it does not advertise");
        }

        if (Sim.Connected != null)
        {
            throw ApiProblem.Conflict($"lock {Id}'s one BLE connection is held by another phone");
        }
    }
}
