using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// <summary>A national fleet (docs/SCALING.md): about 60 KB each, so 250 000 fit in 16 GB with room to spare.</summary>
    public const int MaxLocks = 250_000;

    /// <summary>Most virtual time one advance may cover: a week.</summary>
    public const long MaxAdvanceMs = 7L * 24 * 3600 * 1000;

    private readonly object _clock = new();
    private readonly ConcurrentDictionary<uint, FleetLock> _locks = new();
    private readonly bool _keepTraces;
    private long _now;

    // Kept beside the dictionary (changed only under the clock lock): ConcurrentDictionary.Count
    // takes every one of its internal locks, up to 1 024 in a large fleet, on every call.
    private int _count;
    private uint[]? _sortedIds;

    /// <summary>The locks as an advance runs them, kept while the membership stays (a fleet day's 24 advances made 24 copies).</summary>
    private FleetLock[]? _running;

    /// <summary>Puts the fleet's events of one advance in their order, with buffers kept between advances.</summary>
    private readonly FleetEventMerge _merge = new();

    /// <param name="seed">The fleet's seed: each lock's secret follows from it and the lock id.</param>
    /// <param name="keepTraces">False for a fleet day: a lock's trace is let go once its events are published.</param>
    public LockFleet(int seed, bool keepTraces = true)
    {
        Seed = seed;
        _keepTraces = keepTraces;
    }

    public int Seed { get; }

    /// <summary>Input queue slots of the fleet's locks (<see cref="LockSetup.InputSlots"/>); null: the engine's default, room for any message.</summary>
    public int? InputSlots { get; init; }

    /// <summary>Wall time at fleet time zero (the engine's default epoch).</summary>
    public DateTimeOffset Epoch { get; } = new LockSetup().Epoch;

    public long Now => System.Threading.Interlocked.Read(ref _now);

    public DateTimeOffset WallTime => Epoch.AddMilliseconds(Now);

    public int Count => System.Threading.Volatile.Read(ref _count);

    public EventLog Events { get; } = new();

    public IEnumerable<FleetLock> Locks => _locks.Values.OrderBy(l => l.Id);

    public FleetLock Get(uint lockId) =>
        _locks.TryGetValue(lockId, out FleetLock? found) ? found : throw ApiProblem.NotFound($"no lock {lockId} in the fleet");

    /// <summary>Most locks one bulk request may create.</summary>
    public const int MaxBulk = 50_000;

    /// <summary>Creates consecutive locks; refuses them all (and changes nothing) if any id is taken or the fleet would overflow.</summary>
    public int CreateMany(CreateLocksRequest request)
    {
        if (request.Count is < 1 or > MaxBulk || request.FirstLockId > uint.MaxValue - (uint)request.Count + 1)
        {
            throw ApiProblem.BadRequest($"count must be 1 … {MaxBulk}, and the last lock id at most {uint.MaxValue}");
        }

        var template = new CreateLockRequest
        {
            LockId = request.FirstLockId, Battery = request.Battery, StartFraction = request.StartFraction, Paired = request.Paired, Kind = request.Kind,
        };
        LockSetupFor(template);
        lock (_clock)
        {
            if (_count + request.Count > MaxLocks)
            {
                throw ApiProblem.Conflict($"the fleet would be over {MaxLocks} locks");
            }

            for (uint i = 0; i < request.Count; i++)
            {
                if (_locks.ContainsKey(request.FirstLockId + i))
                {
                    throw ApiProblem.Conflict($"lock {request.FirstLockId + i} already exists; nothing was created");
                }
            }

            for (uint i = 0; i < request.Count; i++)
            {
                Create(template with { LockId = request.FirstLockId + i });
            }

            return request.Count;
        }
    }

    /// <summary>Up to <paramref name="limit"/> locks with ids above <paramref name="after"/>, in id order, without sorting the fleet per page.</summary>
    public FleetLock[] Page(uint? after, int limit)
    {
        uint[] ids;
        lock (_clock)
        {
            ids = _sortedIds ??= _locks.Keys.Order().ToArray();
        }

        int start = after is uint a ? Array.BinarySearch(ids, a) : -1;
        start = start >= 0 ? start + 1 : (after == null ? 0 : ~start);
        var page = new List<FleetLock>(Math.Min(limit, Math.Max(0, ids.Length - start)));
        for (int i = start; i < ids.Length && page.Count < limit; i++)
        {
            if (_locks.TryGetValue(ids[i], out FleetLock? found))
            {
                page.Add(found);
            }
        }

        return page.ToArray();
    }

    public FleetLock Create(CreateLockRequest request)
    {
        LockSetup setup = LockSetupFor(request);
        lock (_clock)
        {
            Admit(request.LockId);
            return Enter(NewLock(setup, request.Battery));
        }
    }

    /// <summary>
    /// Builds the lock <paramref name="request"/> asks for without adding it: nothing of the fleet
    /// changes, so locks can be built on several threads at once and then added with
    /// <see cref="Add"/>, in the order their events are to be published.
    /// </summary>
    public FleetLock Build(CreateLockRequest request) => NewLock(LockSetupFor(request), request.Battery);

    /// <summary>Adds a lock made by <see cref="Build"/> while the fleet's time has not moved, and publishes its first events.</summary>
    public FleetLock Add(FleetLock built)
    {
        lock (_clock)
        {
            if (built.OffsetMs != Now)
            {
                throw new InvalidOperationException($"lock {built.Id} was built at fleet time {built.OffsetMs} ms, and the fleet is at {Now} ms");
            }

            Admit(built.Id);
            return Enter(built);
        }
    }

    // The lock's own time starts now: its wall time is the fleet's (a setup already there, as at fleet time zero, is not copied).
    private FleetLock NewLock(LockSetup setup, string battery)
    {
        DateTimeOffset now = WallTime;
        return new(setup.Epoch.EqualsExact(now) ? setup : setup with { Epoch = now }, battery, Now, _keepTraces);
    }

    /// <summary>Refuses a lock id already taken, or one lock too many (call under the clock lock).</summary>
    private void Admit(uint lockId)
    {
        if (_locks.ContainsKey(lockId))
        {
            throw ApiProblem.Conflict($"lock {lockId} already exists");
        }

        if (_count >= MaxLocks)
        {
            throw ApiProblem.Conflict($"the fleet is full ({MaxLocks} locks)");
        }
    }

    private FleetLock Enter(FleetLock created)
    {
        _locks[created.Id] = created;
        System.Threading.Volatile.Write(ref _count, _count + 1);
        _sortedIds = null;
        _running = null;
        Publish(created);
        return created;
    }

    public void Remove(uint lockId)
    {
        lock (_clock)
        {
            FleetLock removed = Get(lockId);
            _locks.TryRemove(lockId, out _);
            System.Threading.Volatile.Write(ref _count, _count - 1);
            _sortedIds = null;
            _running = null;
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

    /// <summary>Wall time spent running the locks in <see cref="Advance"/> (with <see cref="PublishBehind"/>, beside the publishing of the advance before).</summary>
    public TimeSpan SimulateTime { get; private set; }

    /// <summary>Wall time spent publishing what the locks did (with <see cref="PublishBehind"/>, waiting for the publishing before).</summary>
    public TimeSpan PublishTime { get; private set; }

    /// <summary>
    /// For a batch run that reads the log only at its end (the fleet day): an advance leaves
    /// gathering its events, putting them in order, hashing and publishing them to a thread of its
    /// own while the next advance runs, so publishing takes wall time only where a core is free.
    /// The next advance, any other publishing and <see cref="FinishPublishing"/> wait for it first.
    /// </summary>
    public bool PublishBehind { get; init; }

    private Task _publishing = Task.CompletedTask;

    private void AdvanceTo(long target)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        FleetLock[] all = _running ??= _locks.Values.ToArray();
        IReadOnlyList<List<PendingEvent>> lists = _merge.Lists(all.Length);
        // A lock that fails is isolated inside its RunTo (FleetLock.Isolate), so the loop runs to its
        // end and the set of lists it fills is always published before it is handed out again.
        Parallel.For(0, (all.Length + FleetEventMerge.Chunk - 1) / FleetEventMerge.Chunk, chunk =>
        {
            int end = Math.Min(all.Length, (chunk + 1) * FleetEventMerge.Chunk);
            for (int i = chunk * FleetEventMerge.Chunk; i < end; i++)
            {
                // While lock i runs, the next ones are fetched into cache: lock i + k at stage
                // PrefetchStages - k, so each stage finds the pointers the one before brought in.
                for (int ahead = 1; ahead <= FleetLock.PrefetchStages && i + ahead < end; ahead++)
                {
                    all[i + ahead].Prefetch(FleetLock.PrefetchStages - ahead);
                }

                all[i].RunTo(target, lists[chunk]);
            }
        });

        System.Threading.Interlocked.Exchange(ref _now, target);
        long simulated = System.Diagnostics.Stopwatch.GetTimestamp();
        SimulateTime += System.Diagnostics.Stopwatch.GetElapsedTime(started, simulated);
        WaitForPublishing();
        if (PublishBehind)
        {
            // One thread alone, beside the next advance's (which fills the other set of lists):
            // the order and the digest as on both cores.
            _publishing = Task.Factory.StartNew(() => PublishGathered(lists, onBothCores: false), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        else
        {
            PublishGathered(lists, onBothCores: true);
        }

        PublishTime += System.Diagnostics.Stopwatch.GetElapsedTime(simulated);
    }

    private void PublishGathered(IReadOnlyList<List<PendingEvent>> lists, bool onBothCores)
    {
        _merge.Gather(lists, onBothCores);
        EventBatch merged = _merge.Order(onBothCores);
        Remember(merged, Events.Publish(merged, onBothCores));
        _merge.Release();
    }

    /// <summary>Waits until the events of every advance are in the log (<see cref="PublishBehind"/>).</summary>
    public void FinishPublishing()
    {
        lock (_clock)
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            WaitForPublishing();
            PublishTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>Waits for the advance published behind (call under the clock); its failure is thrown once, not by every later call.</summary>
    private void WaitForPublishing()
    {
        Task publishing = _publishing;
        _publishing = Task.CompletedTask;
        publishing.GetAwaiter().GetResult();
    }

    private void Publish(FleetLock source)
    {
        if (!PublishBehind)
        {
            PublishTaken(source);
            return;
        }

        // After any advance under way and its publishing: a lock's events never go before those of an earlier time.
        lock (_clock)
        {
            WaitForPublishing();
            PublishTaken(source);
        }
    }

    private void PublishTaken(FleetLock source)
    {
        EventBatch events = source.TakeEvents();
        Remember(events, Events.Publish(events));
    }

    /// <summary>Each lock keeps its own latest events (a server's, not a fleet day's): events by lock without scanning the log.</summary>
    private void Remember(EventBatch published, long firstSeq)
    {
        if (!_keepTraces)
        {
            return;
        }

        for (int i = 0; i < published.Length; i++)
        {
            if (_locks.TryGetValue(published[i].LockId, out FleetLock? owner))
            {
                owner.Remember(published[i].Published(firstSeq + i));
            }
        }
    }

    // A request names a kind by its name in lower case: looked up, not parsed and named again per lock.
    private static readonly UnitKind[] Kinds = Enum.GetValues<UnitKind>();
    private static readonly string[] KindNames = Array.ConvertAll(Kinds, k => k.ToString().ToLowerInvariant());

    private LockSetup LockSetupFor(CreateLockRequest request)
    {
        string serial = request.Serial ?? $"S{request.LockId % 10_000_000:D7}";
        if (serial.Length is 0 or > 8 || serial.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            throw ApiProblem.BadRequest("serial must be 1 to 8 printable ASCII characters");
        }

        if (request.StartFraction is < 0 or > 1 || double.IsNaN(request.StartFraction))
        {
            throw ApiProblem.BadRequest("startFraction must be between 0 (locked) and 1 (unlocked)");
        }

        int known = Array.IndexOf(KindNames, request.Kind);
        if (known < 0)
        {
            throw ApiProblem.BadRequest("kind must be door, port or laundry");
        }

        UnitKind kind = Kinds[known];

        return new LockSetup
        {
            LockId = request.LockId,
            Kind = kind,
            Serial = serial,
            Secret = request.Secret == null ? LockSecrets.For(Seed, request.LockId) : Hex.Parse(request.Secret, 32, "secret"),
            Paired = request.Paired,
            Battery = BatteryPresets.For(request.Battery),
            StartFraction = request.StartFraction,
            InputSlots = InputSlots,
        };
    }
}
