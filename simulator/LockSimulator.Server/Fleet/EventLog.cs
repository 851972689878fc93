using System;
using System.Buffers;
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
    private readonly List<ArrayBufferWriter<byte>> _chunkBuffers = new();
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

    /// <summary>Events hashed per worker at once: big enough to keep both cores busy, small enough to bound the buffers.</summary>
    private const int HashChunk = 8_192;

    /// <summary>Numbers, hashes, retains and hands out the events; returns them as published.</summary>
    public FleetEvent[] Publish(IReadOnlyList<PendingEvent> events)
    {
        lock (_gate)
        {
            var published = new FleetEvent[events.Count];
            for (int i = 0; i < published.Length; i++)
            {
                PendingEvent p = events[i];
                published[i] = new FleetEvent(++_last, p.TimeMs, p.LockId, p.Kind, p.Value, p.Names);
            }

            HashInOrder(published);
            for (int i = Math.Max(0, published.Length - Retained); i < published.Length; i++)
            {
                _recent.Enqueue(published[i]);
                if (_recent.Count > Retained)
                {
                    _recent.Dequeue();
                }
            }

            foreach (FleetEvent e in published)
            {
                foreach (EventSubscription s in _subscriptions)
                {
                    s.Offer(e);
                }
            }

            return published;
        }
    }

    /// <summary>
    /// Appends every event's JSON line to the digest in sequence order. The lines of a large
    /// batch are written in parallel chunks, a wave of one chunk per core at a time, and hashed
    /// in order: the same digest as one line at a time. The chunks' buffers are kept for the next
    /// batch (an hour of a large fleet would otherwise make fresh large-object arrays every time).
    /// </summary>
    private void HashInOrder(FleetEvent[] published)
    {
        int chunks = (published.Length + HashChunk - 1) / HashChunk;
        int wave = Math.Max(1, Math.Min(Environment.ProcessorCount, chunks));
        while (_chunkBuffers.Count < wave)
        {
            _chunkBuffers.Add(new ArrayBufferWriter<byte>(HashChunk * 128));
        }

        for (int first = 0; first < chunks; first += wave)
        {
            int count = Math.Min(wave, chunks - first);
            int from = first;
            if (count == 1)
            {
                Lines(published, from * HashChunk, Math.Min(HashChunk, published.Length - from * HashChunk), _chunkBuffers[0]);
            }
            else
            {
                System.Threading.Tasks.Parallel.For(0, count, c =>
                    Lines(published, (from + c) * HashChunk, Math.Min(HashChunk, published.Length - (from + c) * HashChunk), _chunkBuffers[c]));
            }

            for (int c = 0; c < count; c++)
            {
                _digest.AppendData(_chunkBuffers[c].WrittenSpan);
            }
        }
    }

    /// <summary>The events' JSON lines, written by one writer into <paramref name="buffer"/> (the bytes <c>SerializeToUtf8Bytes</c> gives, without an array per event).</summary>
    private static void Lines(FleetEvent[] events, int start, int count, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        JsonSerializerOptions options = ServerJson.Options;
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true,
        });
        for (int i = start; i < start + count; i++)
        {
            JsonSerializer.Serialize(writer, events[i], options);
            writer.Flush();
            buffer.Write(NewLine);
            writer.Reset(buffer);
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
