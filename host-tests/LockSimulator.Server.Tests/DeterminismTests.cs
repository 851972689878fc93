using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.FleetDay;

namespace LockSimulator.Server.Tests;

/// <summary>The same seed and the same requests give the same event log, byte for byte.</summary>
public class DeterminismTests
{
    [Fact]
    public async Task Two_servers_given_the_same_requests_log_the_same_events()
    {
        (string digest, string hashed) first = await RunScenarioAsync();
        (string digest, string hashed) second = await RunScenarioAsync();
        Assert.Equal(first, second);
        Assert.Equal(first.digest, first.hashed);
    }

    [Fact]
    public void A_fleet_day_is_repeatable_and_every_visit_is_answered()
    {
        var options = new FleetDayOptions { Locks = 60, Hours = 4, VisitsPerLock = 3, Seed = 5 };
        FleetDayReport first = FleetDayRun.Run(options);
        FleetDayReport second = FleetDayRun.Run(options);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(60 * (3 * 2 + 4), first.Commands);
        Assert.True(first.Failures == 0, first.FailureKinds);
        Assert.True(first.Moves > 60 * 4);
    }

    /// <summary>Several locks, phones, physical actions and advances; returns the server's digest and our own hash of the log.</summary>
    private static async Task<(string, string)> RunScenarioAsync()
    {
        await using SimulatorClient sim = await SimulatorClient.StartInProcessAsync(seed: 42);
        for (uint id = 1; id <= 4; id++)
        {
            await sim.CreateLockAsync(new CreateLockRequest { LockId = id, StartFraction = id % 2 });
        }

        await sim.Lock(2).JamAsync(0.5);
        await sim.Lock(3).PressButtonAsync();
        foreach (uint id in new uint[] { 1, 2, 4 })
        {
            await sim.Lock(id).Phone(await sim.IssueCredentialAsync(new CredentialRequest { LockId = id, KeyId = id, UserId = 10 + id })).UnlockAsync();
        }

        await sim.AdvanceAsync(TimeSpan.FromMinutes(10));
        await sim.Lock(4).ReplaceBatteryAsync("gas-risk");
        await sim.Lock(4).Phone(await sim.IssueCredentialAsync(new CredentialRequest { LockId = 4, KeyId = 9, UserId = 1 })).LockAsync();
        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        EventLogView log = await sim.EventsAsync();
        string lines = string.Concat(log.Events.Select(e => JsonSerializer.Serialize(e, Hosting.ServerJson.Options) + "\n"));
        string hashed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(lines))).ToLowerInvariant();
        return ((await sim.DigestAsync()).Sha256, hashed);
    }
}
