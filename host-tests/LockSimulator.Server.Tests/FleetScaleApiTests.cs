using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>What a large fleet needs of the server: bulk creation, paged listing, events by lock (issue 18).</summary>
public class FleetScaleApiTests
{
    [Fact]
    public async Task Locks_created_in_bulk_are_listed_page_by_page_in_id_order()
    {
        await using TestServer server = await TestServer.StartAsync();
        var (status, _, created) = await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":5000,"count":25}""");
        Assert.Equal(201, status);
        Assert.Equal(5024u, created.GetProperty("lastLockId").GetUInt32());

        var seen = new System.Collections.Generic.List<uint>();
        string path = "/locks/page?limit=10";
        while (true)
        {
            var (pageStatus, _, page) = await server.SendAsync(HttpMethod.Get, path);
            Assert.Equal(200, pageStatus);
            Assert.Equal(25, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("locks").EnumerateArray().Select(l => l.GetProperty("lockId").GetUInt32()));
            // The last page has no next (null is left out of the JSON).
            if (!page.TryGetProperty("next", out JsonElement next) || next.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            path = $"/locks/page?limit=10&after={next.GetUInt32()}";
        }

        Assert.Equal(Enumerable.Range(5000, 25).Select(i => (uint)i), seen);
    }

    [Fact]
    public async Task A_bulk_creation_over_a_taken_id_creates_nothing()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 6010 });
        var (status, type, _) = await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":6000,"count":20}""");
        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(1, server.Fleet.Count);

        var (tooMany, _, _) = await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":1,"count":50001}""");
        Assert.Equal(400, tooMany);
        Assert.Equal(1, server.Fleet.Count);
    }

    [Fact]
    public async Task Events_by_lock_are_that_lock_s_latest_in_sequence_order()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":7000,"count":3}""");
        await server.Client.Lock(7001).Phone(await server.StaffAsync(7001)).UnlockAsync();

        var (status, _, log) = await server.SendAsync(HttpMethod.Get, "/locks/7001/events");
        Assert.Equal(200, status);
        JsonElement[] events = log.GetProperty("events").EnumerateArray().ToArray();
        Assert.All(events, e => Assert.Equal(7001u, e.GetProperty("lockId").GetUInt32()));
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "state" && e.GetProperty("value").GetString() == "Unlocked");
        long[] seqs = events.Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(seqs.Order(), seqs);

        var (_, _, later) = await server.SendAsync(HttpMethod.Get, $"/locks/7001/events?since={seqs[^1]}");
        Assert.Empty(later.GetProperty("events").EnumerateArray());
        var (missing, _, _) = await server.SendAsync(HttpMethod.Get, "/locks/9999/events");
        Assert.Equal(404, missing);
    }
}
