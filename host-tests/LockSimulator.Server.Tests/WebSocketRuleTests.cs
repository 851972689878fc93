using System;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>RFC 6455 as clients in any language meet it: masks, message sizes, and a close frame at every end.</summary>
public class WebSocketRuleTests
{
    [Theory]
    [InlineData("/events")]
    [InlineData("/locks/1/ble")]
    public async Task A_client_frame_without_a_mask_is_closed_with_1002(string path)
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 1 });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        NetworkStream stream = tcp.GetStream();
        string handshake = $"GET {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        string answer = await ReadHeadersAsync(stream);
        Assert.StartsWith("HTTP/1.1 101", answer);

        await stream.WriteAsync(new byte[] { 0x81, 0x02, (byte)'h', (byte)'i' }); // FIN, text, no mask bit
        byte[] frame = await ReadAsync(stream, 4);
        Assert.Equal(0x88, frame[0]); // FIN, close
        Assert.Equal(1002, frame[2] << 8 | frame[3]);
    }

    [Fact]
    public async Task A_message_over_1024_bytes_is_closed_with_1009()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 2 });
        using ClientWebSocket ble = await server.WebSocketAsync("/locks/2/ble");
        await ble.SendBinaryAsync(new byte[64 * 1024]);

        (WebSocketMessageType type, _) = await ble.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, ble.CloseStatus);
    }

    [Fact]
    public async Task Event_streams_and_ble_links_end_with_a_close_frame()
    {
        TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3 });
        using ClientWebSocket ble = await server.WebSocketAsync("/locks/3/ble");
        await server.Client.Lock(3).RemoveAsync();
        Assert.Equal(WebSocketMessageType.Close, (await ble.ReceiveAsync()).Type);
        Assert.Equal((WebSocketCloseStatus.NormalClosure, "lock removed"), (ble.CloseStatus, ble.CloseStatusDescription));

        using ClientWebSocket events = await server.WebSocketAsync("/events");
        Task<(WebSocketMessageType Type, byte[] Data)> closing = events.ReceiveAsync();
        await server.DisposeAsync();
        Assert.Equal(WebSocketMessageType.Close, (await closing).Type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, events.CloseStatus);
    }

    private static async Task<string> ReadHeadersAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            text.Append((char)(await ReadAsync(stream, 1))[0]);
        }

        return text.ToString();
    }

    private static async Task<byte[]> ReadAsync(NetworkStream stream, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return buffer;
    }
}
