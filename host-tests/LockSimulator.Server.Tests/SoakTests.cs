using System;
using System.Diagnostics;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;
using Xunit.Abstractions;

namespace LockSimulator.Server.Tests;

/// <summary>Runs alone: the managed heap is measured, so no other test may allocate meanwhile.</summary>
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed class SoakCollection
{
}

/// <summary>
/// A bounded soak over loopback: a few hundred thousand BLE writes and their notifications, tens
/// of thousands of fleet events to a reader that keeps up and one that never reads (and then vanishes), then every
/// lock removed: the managed heap must come back to within <see cref="HeapBoundBytes"/> of where it
/// started. Count and wall time are bounded (LOCK_SOAK_WRITES overrides the count).
/// </summary>
[Collection(nameof(SoakTests))]
public class SoakTests
{
    /// <summary>What may stay: the event log's retained events (65 536 at ≈ 150 B) and allocator slack.</summary>
    private const long HeapBoundBytes = 24L * 1024 * 1024;

    private const int Locks = 4;

    /// <summary>Writes a client may have sent ahead of the notifications it read (below the link's queue of 4 096).</summary>
    private const int Window = 512;

    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Writes_and_events_by_the_hundred_thousand_leave_the_heap_where_it_was()
    {
        int writes = int.TryParse(Environment.GetEnvironmentVariable("LOCK_SOAK_WRITES"), out int w) ? w : 200_000;
        int doorToggles = writes / 8;
        await using TestServer server = await TestServer.StartAsync();
        await RunAsync(server, writes: 2_000, doorToggles: 200, stalled: false); // warm up: code paths jitted, pools filled
        long before = SettledHeap();
        var clock = Stopwatch.StartNew();

        (long notified, long streamed, bool idleReleased) = await RunAsync(server, writes, doorToggles, stalled: true);

        TimeSpan took = clock.Elapsed;
        long after = SettledHeap();
        _output.WriteLine($"{writes} BLE writes, {notified} notifications, {streamed} events streamed in {took.TotalSeconds:0.0} s; " +
                          $"managed heap {before / 1048576.0:0.0} MiB before, {after / 1048576.0:0.0} MiB after");
        Assert.Equal(writes, notified);
        Assert.True(streamed >= doorToggles, $"only {streamed} events streamed");
        Assert.True(idleReleased, "the server kept a reader that never read");
        Assert.Equal(0, server.Fleet.Count);
        Assert.Equal(0, server.Fleet.Events.Subscribers);
        Assert.True(after - before < HeapBoundBytes, $"the heap grew by {(after - before) / 1048576.0:0.0} MiB");
    }

    private static async Task<(long Notified, long Streamed, bool IdleReleased)> RunAsync(TestServer server, int writes, int doorToggles, bool stalled)
    {
        using ClientWebSocket events = await server.WebSocketAsync("/events");
        using ClientWebSocket? idle = stalled ? await server.WebSocketAsync("/events") : null;
        long streamed = 0;
        bool idleReleased = false;
        using var reading = new CancellationTokenSource();
        Task listening = Task.Run(async () =>
        {
            byte[] buffer = new byte[4096];
            while (!reading.IsCancellationRequested)
            {
                ValueWebSocketReceiveResult r = await events.ReceiveAsync(buffer.AsMemory(), reading.Token);
                if (r.EndOfMessage)
                {
                    Interlocked.Increment(ref streamed);
                }
            }
        });

        uint[] ids = Enumerable.Range(0, Locks).Select(i => (uint)(70_000 + i)).ToArray();
        foreach (uint id in ids)
        {
            await server.Client.CreateLockAsync(new CreateLockRequest { LockId = id });
        }

        Task<long>[] links = ids.Select(id => WriteAsync(server, id, writes / Locks)).ToArray();
        for (int i = 0; i < doorToggles; i++)
        {
            await server.Client.Lock(ids[i % Locks]).SetDoorAsync(open: i / Locks % 2 == 0);
        }

        long notified = (await Task.WhenAll(links)).Sum();
        foreach (uint id in ids)
        {
            await server.Client.Lock(id).RemoveAsync();
        }

        long published = server.Fleet.Events.LastSeq;
        for (var wait = Stopwatch.StartNew(); Interlocked.Read(ref streamed) < published - (stalled ? published : 0) && wait.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await Task.Delay(50);
        }

        if (idle != null)
        {
            // The reader that never read is closed by the server, which lets go of its queue.
            // A reader that never reads: the server holds at most its bounded queue (or drops it
            // when its sends stall); when the client goes away, the server lets go of it.
            idle.Abort();
            await WaitAsync(() => server.Fleet.Events.Subscribers <= 1, SocketRules.SendTimeout);
            idleReleased = server.Fleet.Events.Subscribers <= 1;
        }

        await events.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        await WaitAsync(() => server.Fleet.Events.Subscribers == 0, TimeSpan.FromSeconds(10));
        await reading.CancelAsync();
        await listening.ContinueWith(_ => { });
        return (notified, Interlocked.Read(ref streamed), idleReleased);
    }

    /// <summary>One phone's link: a continuation without a first fragment, answered BadFrame each time, as fast as the lock answers.</summary>
    private static async Task<long> WriteAsync(TestServer server, uint lockId, int count)
    {
        using ClientWebSocket ble = await server.WebSocketAsync($"/locks/{lockId}/ble");
        await ble.ReceiveControl("""{"type":"connect"}""");
        long answered = 0;
        Task reading = Task.Run(async () =>
        {
            byte[] buffer = new byte[512];
            while (Interlocked.Read(ref answered) < count)
            {
                ValueWebSocketReceiveResult r = await ble.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                Assert.Equal(WebSocketMessageType.Binary, r.MessageType);
                Interlocked.Increment(ref answered);
            }
        });
        byte[] orphan = [0x41, 0x03];
        for (int sent = 0; sent < count; sent++)
        {
            while (sent - Interlocked.Read(ref answered) >= Window && !reading.IsCompleted)
            {
                await Task.Delay(1);
            }

            await ble.SendAsync(orphan, WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        await reading;
        await ble.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        return answered;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan limit)
    {
        for (var wait = Stopwatch.StartNew(); !condition() && wait.Elapsed < limit;)
        {
            await Task.Delay(50);
        }
    }

    private static long SettledHeap()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
