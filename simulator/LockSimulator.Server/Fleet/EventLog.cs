using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// The fleet's event log: numbers events in the order they are published, keeps the latest
/// <see cref="Retained"/> for late readers, feeds the live subscriptions, and hashes every
/// event's JSON line so two runs can be compared byte for byte without keeping them all.
/// </summary>
internal sealed class EventLog
{
    public const int Retained = 65_536;

    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly object _gate = new();
    private readonly Queue<FleetEvent> _recent = new();
    private readonly List<EventSubscription> _subscriptions = new();
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _last;

    /// <summary>Live readers now.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    public void Publish(IEnumerable<PendingEvent> events)
    {
        lock (_gate)
        {
            foreach (PendingEvent p in events)
            {
                var e = new FleetEvent(++_last, p.TimeMs, p.LockId, p.Kind, p.Value, p.Names);
                _digest.AppendData(JsonSerializer.SerializeToUtf8Bytes(e, ServerJson.Options));
                _digest.AppendData(NewLine);
                _recent.Enqueue(e);
                if (_recent.Count > Retained)
                {
                    _recent.Dequeue();
                }

                foreach (EventSubscription s in _subscriptions)
                {
                    s.Offer(e);
                }
            }
        }
    }

    /// <summary>Retained events after <paramref name="since"/>, at most <paramref name="limit"/>.</summary>
    public EventLogView Since(long since, int limit)
    {
        lock (_gate)
        {
            FleetEvent[] events = _recent.Where(e => e.Seq > since).Take(limit).ToArray();
            return new EventLogView(events, events.Length > 0 ? events[^1].Seq : Math.Max(since, 0));
        }
    }

    /// <summary>Most live readers at once: each may hold up to <see cref="EventSubscription.Capacity"/> events.</summary>
    public const int MaxSubscriptions = 64;

    /// <summary>A live subscription to the events published from now on (<see cref="EventSubscription.After"/>).</summary>
    public EventSubscription Subscribe(uint? lockId)
    {
        lock (_gate)
        {
            if (_subscriptions.Count >= MaxSubscriptions)
            {
                throw ApiProblem.Conflict($"{MaxSubscriptions} event streams are open already; close one");
            }

            var subscription = new EventSubscription(lockId, _last);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    public void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
            subscription.Close();
        }
    }

    public EventDigestView Digest()
    {
        lock (_gate)
        {
            return new EventDigestView(_last, Convert.ToHexString(_digest.GetCurrentHash()).ToLowerInvariant());
        }
    }
}
