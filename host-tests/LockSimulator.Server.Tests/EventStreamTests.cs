using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>The fleet's events, live over /events and read back from /events/log.</summary>
public class EventStreamTests
{
    [Fact]
    public async Task The_event_socket_streams_state_motor_and_warning_changes_as_they_happen()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 7001 });
        using ClientWebSocket socket = await server.WebSocketAsync("/events?lockId=7001");
        await door.Phone(await server.StaffAsync(7001)).UnlockAsync();

        var seen = new List<JsonElement>();
        while (!seen.Any(e => e.GetProperty("kind").GetString() == "state" && e.GetProperty("value").GetString() == "Unlocked"))
        {
            seen.Add(await socket.ReceiveJsonAsync());
        }

        Assert.Contains(seen, e => e.GetProperty("kind").GetString() == "motor" && e.GetProperty("value").GetString() == "unlock");
        Assert.All(seen, e => Assert.Equal(7001u, e.GetProperty("lockId").GetUInt32()));
        long[] seqs = seen.Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.Equal(seqs.Order(), seqs);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", default);
    }

    [Fact]
    public async Task The_log_pages_from_a_sequence_number_and_a_plain_get_of_the_socket_is_a_problem()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 7002 });
        EventLogView all = await server.Client.EventsAsync();
        Assert.Equal("created", all.Events[0].Kind);
        EventLogView rest = await server.Client.EventsAsync(since: all.Events[0].Seq);
        Assert.Equal(all.Events.Skip(1).Select(e => e.Seq), rest.Events.Select(e => e.Seq));
        Assert.Empty((await server.Client.EventsAsync(since: all.Next)).Events);

        var (status, type, _) = await server.SendAsync(HttpMethod.Get, "/events");
        Assert.Equal((400, "application/problem+json"), (status, type));
    }
}
