using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LockFirmware;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// The simulated locks of one server and their shared virtual time. Every lock is at the
/// fleet's time between operations; advancing runs the locks in parallel (they are
/// independent) and publishes their events merged by (time, lock id), so the same seed and
/// the same requests give the same event log. Changes of time and membership are serialized
/// by one clock lock; each lock's own gate serializes everything done to that lock.
/// </summary>
internal sealed class LockFleet
{
    public const int MaxLocks = 100_000;

    /// <summary>Most virtual time one advance may cover: a week.</summary>
    public const long MaxAdvanceMs = 7L * 24 * 3600 * 1000;

    private readonly object _clock = new();
    private readonly ConcurrentDictionary<uint, FleetLock> _locks = new();
    private long _now;

    public LockFleet(int seed)
    {
        Seed = seed;
    }

    public int Seed { get; }

    /// <summary>Wall time at fleet time zero (the engine's default epoch).</summary>
    public DateTimeOffset Epoch { get; } = new LockSetup().Epoch;

    public long Now => System.Threading.Interlocked.Read(ref _now);

    public DateTimeOffset WallTime => Epoch.AddMilliseconds(Now);

    public int Count => _locks.Count;

    public EventLog Events { get; } = new();

    public IEnumerable<FleetLock> Locks => _locks.Values.OrderBy(l => l.Id);

    public FleetLock Get(uint lockId) =>
        _locks.TryGetValue(lockId, out FleetLock? found) ? found : throw ApiProblem.NotFound($"no lock {lockId} in the fleet");

    public FleetLock Create(CreateLockRequest request)
    {
        LockSetup setup = LockSetupFor(request);
        lock (_clock)
        {
            if (_locks.ContainsKey(request.LockId))
            {
                throw ApiProblem.Conflict($"lock {request.LockId} already exists");
            }

            if (_locks.Count >= MaxLocks)
            {
                throw ApiProblem.Conflict($"the fleet is full ({MaxLocks} locks)");
            }

            // The lock's own time starts now: its wall time is the fleet's.
            var created = new FleetLock(setup with { Epoch = WallTime }, request.Battery, Now);
            _locks[request.LockId] = created;
            Publish(created);
            return created;
        }
    }

    public void Remove(uint lockId)
    {
        lock (_clock)
        {
            FleetLock removed = Get(lockId);
            _locks.TryRemove(lockId, out _);
            removed.Note("removed", removed.Sim.Setup.Serial);
            Publish(removed);
            removed.Removed.Cancel();
        }
    }

    /// <summary>Steps every lock to the same later virtual time.</summary>
    public void Advance(long ms)
    {
        if (ms <= 0 || ms > MaxAdvanceMs)
        {
            throw ApiProblem.BadRequest($"advance by 1 ms … {MaxAdvanceMs} ms (a week), not {ms}");
        }

        lock (_clock)
        {
            AdvanceTo(Now + ms);
        }
    }

    /// <summary>
    /// Acts on one lock and publishes its events: physical actions and BLE writes happen at
    /// the fleet's time now and do not move it.
    /// </summary>
    public T Act<T>(uint lockId, Func<FleetLock, T> action) => Act(Get(lockId), action);

    public T Act<T>(FleetLock target, Func<FleetLock, T> action)
    {
        T result = target.Use(() => action(target));
        Publish(target);
        return result;
    }

    /// <summary>
    /// An operation that needs time to pass (a phone's whole app operation): the lock runs
    /// ahead alone until the operation is done, then the rest of the fleet follows to the
    /// same time, so every lock is again at one virtual time.
    /// </summary>
    public T RunAhead<T>(uint lockId, Func<FleetLock, T> operation)
    {
        lock (_clock)
        {
            FleetLock target = Get(lockId);
            T result = target.Use(() => operation(target));
            AdvanceTo(Math.Max(Now, target.FleetNow));
            return result;
        }
    }

    private void AdvanceTo(long target)
    {
        FleetLock[] all = _locks.Values.ToArray();
        Parallel.ForEach(all, l => l.RunTo(target));
        System.Threading.Interlocked.Exchange(ref _now, target);
        Events.Publish(all.SelectMany(l => l.TakeEvents()).OrderBy(e => e.TimeMs).ThenBy(e => e.LockId).ThenBy(e => e.Order));
    }

    private void Publish(FleetLock source) => Events.Publish(source.TakeEvents());

    private LockSetup LockSetupFor(CreateLockRequest request)
    {
        string serial = request.Serial ?? $"S{request.LockId % 10_000_000:D7}";
        if (serial.Length is 0 or > 8 || serial.Any(c => c is < ' ' or > '~'))
        {
            throw ApiProblem.BadRequest("serial must be 1 to 8 printable ASCII characters");
        }

        if (request.StartFraction is < 0 or > 1 || double.IsNaN(request.StartFraction))
        {
            throw ApiProblem.BadRequest("startFraction must be between 0 (locked) and 1 (unlocked)");
        }

        if (!Enum.TryParse(request.Kind, ignoreCase: true, out UnitKind kind) || kind.ToString().ToLowerInvariant() != request.Kind)
        {
            throw ApiProblem.BadRequest("kind must be door, port or laundry");
        }

        return new LockSetup
        {
            LockId = request.LockId,
            Kind = kind,
            Serial = serial,
            Secret = request.Secret == null ? LockSecrets.For(Seed, request.LockId) : Hex.Parse(request.Secret, 32, "secret"),
            Paired = request.Paired,
            Battery = BatteryPresets.For(request.Battery),
            StartFraction = request.StartFraction,
        };
    }
}
