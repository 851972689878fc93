using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Tasks;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>A phone's BLE link over /locks/{id}/ble: GATT fragments as binary messages, control as text.</summary>
public class BleSocketTests
{
    [Fact]
    public async Task A_raw_phone_opens_a_session_unlocks_and_hears_the_state_event_over_the_socket()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 8001 });
        CredentialView staff = await server.StaffAsync(8001);
        using ClientWebSocket ble = await server.WebSocketAsync("/locks/8001/ble");
        Assert.Equal("connected", (await ble.ReceiveControl("""{"type":"connect"}""")).GetProperty("type").GetString());
        Assert.Equal(185, (await ble.ReceiveControl("""{"type":"mtu","mtu":185}""")).GetProperty("mtu").GetInt32());

        var session = new PhoneSession(new IssuedCredential(Convert.FromHexString(staff.Credential), Convert.FromHexString(staff.Key)));
        string token = (await server.Client.TimeTokenAsync(8001)).Token;
        Assert.Equal([0x85, 0x00], await Exchange(ble, Convert.FromHexString(token)));
        session.OnChallenge(await Exchange(ble, session.Hello()));
        CommandResponse response = session.ReadResponse(await Exchange(ble, session.Command(Opcode.Unlock)));
        Assert.Equal(ResultCode.Ok, response.Result);

        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(5));
        StateChanged changed = Assert.IsType<StateChanged>(LockEvent.Parse(await ReadMessage(ble)));
        Assert.Equal(LockFirmware.Motor.LockState.Unlocked, changed.State);
        Assert.Equal(42u, (await server.Client.Lock(8001).GetAsync()).LastUser);
    }

    [Fact]
    public async Task The_lock_has_one_connection_and_a_power_cut_ends_it()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 8002 });
        using ClientWebSocket first = await server.WebSocketAsync("/locks/8002/ble");
        using ClientWebSocket second = await server.WebSocketAsync("/locks/8002/ble");
        await first.ReceiveControl("""{"type":"connect"}""");
        Assert.Contains("busy", (await second.ReceiveControl("""{"type":"connect"}""")).GetProperty("detail").GetString());
        SimulatorPhone phone = door.Phone(await server.StaffAsync(8002));
        var busy = await Assert.ThrowsAsync<SimulatorApiException>(phone.StatusAsync);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, busy.Status);

        await door.SetPowerAsync(false);
        JsonElement lost = await first.ReceiveJsonAsync();
        Assert.Equal(("disconnected", "power"), (lost.GetProperty("type").GetString(), lost.GetProperty("reason").GetString()));
        await door.SetPowerAsync(true);
        Assert.Equal("connected", (await second.ReceiveControl("""{"type":"connect"}""")).GetProperty("type").GetString());
        Assert.Equal("disconnected", (await second.ReceiveControl("""{"type":"disconnect"}""")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Bad_messages_are_answered_with_errors_and_the_link_goes_on()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 8003 });
        using ClientWebSocket ble = await server.WebSocketAsync("/locks/8003/ble");
        await ble.SendBinaryAsync([0xC0, 0x01]);
        Assert.Contains("not connected", (await ble.ReceiveJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("error", (await ble.ReceiveControl("{not json")).GetProperty("type").GetString());
        Assert.Equal("error", (await ble.ReceiveControl("""{"type":"fly"}""")).GetProperty("type").GetString());
        await ble.ReceiveControl("""{"type":"connect"}""");
        Assert.Equal("error", (await ble.ReceiveControl("""{"type":"mtu","mtu":5000}""")).GetProperty("type").GetString());
        await ble.SendBinaryAsync(new byte[21]);
        Assert.Contains("1 to 20 bytes", (await ble.ReceiveJsonAsync()).GetProperty("detail").GetString());

        // A continuation without a first fragment: the lock answers BadFrame, as the radio would carry it.
        await ble.SendBinaryAsync([0x41, 0x03]);
        Assert.Equal([0xC0, 0x80, (byte)ResultCode.BadFrame], (await ble.ReceiveAsync()).Data);
        Assert.True((await server.Client.Lock(8003).GetAsync()).Powered);
    }

    internal static async Task<byte[]> Exchange(WebSocket ble, byte[] message)
    {
        foreach (byte[] fragment in Fragments.Split(message, 182))
        {
            await ble.SendBinaryAsync(fragment);
        }

        return await ReadMessage(ble);
    }

    /// <summary>Notifications until one whole message is reassembled.</summary>
    internal static async Task<byte[]> ReadMessage(WebSocket ble)
    {
        var reader = new NotificationReader();
        while (true)
        {
            (WebSocketMessageType type, byte[] data) = await ble.ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Binary, type);
            if (reader.Add(data, 0) is byte[] message)
            {
                return message;
            }
        }
    }
}

/// <summary>A control message and the server's answer to it.</summary>
internal static class BleControlMessages
{
    public static async Task<JsonElement> ReceiveControl(this WebSocket ble, string json)
    {
        await ble.SendTextAsync(json);
        return await ble.ReceiveJsonAsync();
    }
}
