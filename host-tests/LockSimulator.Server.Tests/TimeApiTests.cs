using System;
using System.Net.Http;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>The fleet's virtual clock: paused, advanced, run at a factor of real time.</summary>
public class TimeApiTests
{
    [Fact]
    public async Task Advance_steps_every_lock_to_the_same_virtual_time()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 5001 });
        await server.Client.AdvanceAsync(TimeSpan.FromMinutes(5));
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 5002 });
        var (status, _, body) = await server.SendAsync(HttpMethod.Post, "/time/advance", """{"duration":"01:00:00"}""");
        Assert.Equal(200, status);

        long now = body.GetProperty("timeMs").GetInt64();
        Assert.Equal(3_900_000, now);
        Assert.Equal("paused", body.GetProperty("mode").GetString());
        Assert.Equal(now, (await server.Client.Lock(5001).GetAsync()).TimeMs);
        Assert.Equal(now, (await server.Client.Lock(5002).GetAsync()).TimeMs);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 5, 0, TimeSpan.Zero), (await server.Client.TimeAsync()).WallTime);
    }

    [Fact]
    public async Task Running_at_a_factor_moves_time_until_paused()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 5003 });
        TimeView running = await server.Client.RunAsync(100);
        Assert.Equal("running", running.Mode);
        await Task.Delay(300);
        TimeView paused = await server.Client.PauseAsync();
        Assert.Equal("paused", paused.Mode);
        Assert.InRange(paused.TimeMs, 1_000, 120_000);
        await Task.Delay(100);
        Assert.Equal(paused.TimeMs, (await server.Client.TimeAsync()).TimeMs);
    }
}
