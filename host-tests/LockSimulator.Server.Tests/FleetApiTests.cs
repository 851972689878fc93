using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>Creating, listing, inspecting and removing locks over HTTP.</summary>
public class FleetApiTests
{
    [Fact]
    public async Task A_lock_is_created_listed_inspected_and_removed()
    {
        await using TestServer server = await TestServer.StartAsync();
        var (status, _, created) = await server.SendAsync(HttpMethod.Post, "/locks", """{"lockId":2001,"serial":"ABC12345","battery":"good","startFraction":1,"paired":true}""");
        Assert.Equal(201, status);
        Assert.Equal("ABC12345", created.GetProperty("serial").GetString());
        Assert.Equal(64, created.GetProperty("secret").GetString()!.Length);

        LockSummary[] list = await server.Client.ListLocksAsync();
        Assert.Equal(2001u, Assert.Single(list).LockId);

        LockView view = await server.Client.Lock(2001).GetAsync();
        Assert.True(view.Powered);
        Assert.Equal("None", view.Alarm);
        Assert.Equal(0, view.CompletedLocks);
        Assert.Null(view.LastUser);
        Assert.True(view.BoltFraction > 0.99);

        await server.Client.Lock(2001).RemoveAsync();
        var (gone, type, problem) = await server.SendAsync(HttpMethod.Get, "/locks/2001");
        Assert.Equal(404, gone);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("2001", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Inspecting_shows_the_last_user_last_communication_and_cycle_counts_after_a_visit()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 2002 });
        SimulatorPhone phone = door.Phone(await server.StaffAsync(2002, userId: 77));
        await phone.UnlockAsync();
        PhoneResult locked = await phone.LockAsync();

        LockView view = await door.GetAsync();
        Assert.Equal("Locked", view.State);
        Assert.Equal(77u, view.LastUser);
        Assert.Equal(1, view.CompletedUnlocks);
        Assert.Equal(1, view.CompletedLocks);
        Assert.InRange(view.LastCommunicationMs!.Value, locked.StartedMs, locked.FinishedMs);
        Assert.Equal(view.TimeMs, (await server.Client.TimeAsync()).TimeMs);
    }

    [Fact]
    public async Task A_second_lock_with_the_same_id_is_a_conflict()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 2003 });
        var (status, type, _) = await server.SendAsync(HttpMethod.Post, "/locks", """{"lockId":2003}""");
        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", type);
    }

    [Theory]
    [InlineData("door", 2010)]
    [InlineData("port", 2011)]
    [InlineData("laundry", 2012)]
    public async Task A_lock_of_each_kind_is_created_and_its_view_and_status_say_which(string kind, uint lockId)
    {
        await using TestServer server = await TestServer.StartAsync();
        var (status, _, created) = await server.SendAsync(HttpMethod.Post, "/locks", $$"""{"lockId":{{lockId}},"kind":"{{kind}}"}""");
        Assert.Equal(201, status);
        Assert.Equal(kind, created.GetProperty("kind").GetString());

        SimulatorPhone phone = server.Client.Lock(lockId).Phone(await server.StaffAsync(lockId));
        PhoneResult unlocked = await phone.UnlockAsync();
        Assert.Equal("Ok", unlocked.Result);
        LockView view = await server.Client.Lock(lockId).GetAsync();
        Assert.Equal(kind, view.Kind);
        Assert.Equal(1, view.CompletedUnlocks);
    }

    [Theory]
    [InlineData("\"garage\"")]
    [InlineData("\"Port\"")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    public async Task An_unknown_kind_is_refused_and_creates_nothing(string kind)
    {
        await using TestServer server = await TestServer.StartAsync();
        var (status, type, problem) = await server.SendAsync(HttpMethod.Post, "/locks", $$"""{"lockId":2020,"kind":{{kind}}}""");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.Empty(await server.Client.ListLocksAsync());
        Assert.NotNull(problem.GetProperty("detail").GetString());
    }
}
