using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading.Tasks;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>Pairing a stock unit, through HTTP or over a raw BLE link: the installed secret is the one the server and its backend use afterwards.</summary>
public class PairingTests
{
    private static readonly string NewSecret = string.Concat(Enumerable.Range(100, 32).Select(i => i.ToString("X2")));

    [Fact]
    public async Task Pairing_through_http_installs_the_secret_the_backend_then_issues_with()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 9101, Paired = false });
        Assert.Null((await unit.GetAsync()).Secret);
        var unpaired = await Assert.ThrowsAsync<SimulatorApiException>(() => server.StaffAsync(9101));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, unpaired.Status);

        PairResult paired = await unit.PairAsync(NewSecret);
        Assert.Equal(("Ok", NewSecret), (paired.Result, paired.Secret));
        Assert.Equal(NewSecret, (await unit.GetAsync()).Secret);
        Assert.Equal("Ok", (await unit.Phone(await server.StaffAsync(9101)).UnlockAsync()).Result);

        // The installer at the unit may pair it again (a long press opens the window on a paired unit too): a fresh secret replaces the old one.
        PairResult again = await unit.PairAsync();
        Assert.Equal("Ok", again.Result);
        Assert.NotEqual(NewSecret, again.Secret);
        Assert.Equal(again.Secret, (await unit.GetAsync()).Secret);
    }

    [Fact]
    public async Task Pairing_again_with_the_same_secret_is_a_409_problem_and_keeps_the_lock_as_it_was_and_the_default_still_pairs()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 9103, Paired = false });
        Assert.Equal("Ok", (await unit.PairAsync(NewSecret)).Result);

        var reused = await Assert.ThrowsAsync<SimulatorApiException>(() => unit.PairAsync(NewSecret));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, reused.Status);
        Assert.Contains("SecretReused", reused.Detail);
        Assert.Equal(NewSecret, (await unit.GetAsync()).Secret);
        Assert.Equal("Ok", (await unit.Phone(await server.StaffAsync(9103)).UnlockAsync()).Result);
        // The back office's default, a fresh random secret, pairs as before.
        PairResult fresh = await unit.PairAsync();
        Assert.Equal("Ok", fresh.Result);
        Assert.NotEqual(NewSecret, fresh.Secret);
    }

    [Fact]
    public async Task A_pair_over_the_ble_link_becomes_the_secret_of_get_lock_and_the_backend()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 9102, Paired = false });
        await unit.PressButtonAsync(holdMs: 5_200);
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(6));

        using ClientWebSocket ble = await server.WebSocketAsync("/locks/9102/ble");
        await ble.ReceiveControl("""{"type":"connect"}""");
        await ble.ReceiveControl("""{"type":"mtu","mtu":185}""");
        // The back office's PAIR: sealed with the unit's factory key (the simulator's stand-in key for its serial), bound to the nonce INFO shows.
        UnitInfo info = UnitInfo.Parse(await BleSocketTests.Exchange(ble, UnitInfo.Request()));
        DateTimeOffset now = (await server.Client.TimeAsync()).WallTime;
        byte[] pair = new LockBackend(9102, Convert.FromHexString(NewSecret)).PairMessage(1, info, LockSetup.DefaultFactoryKey(info.Serial), now);
        Assert.Equal([MessageType.Pair | MessageType.ResponseFlag, (byte)ResultCode.Ok], await BleSocketTests.Exchange(ble, pair));
        await ble.ReceiveControl("""{"type":"disconnect"}""");

        LockView view = await unit.GetAsync();
        Assert.Equal((true, NewSecret), (view.Paired, view.Secret));
        Assert.Equal("Ok", (await unit.Phone(await server.StaffAsync(9102)).UnlockAsync()).Result);
    }
}
