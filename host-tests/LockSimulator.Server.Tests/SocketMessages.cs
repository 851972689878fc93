using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LockSimulator.Server.Tests;

/// <summary>Whole WebSocket messages in and out, with a wall-clock timeout so a test never hangs.</summary>
internal static class SocketMessages
{
    public static Task SendTextAsync(this WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public static Task SendBinaryAsync(this WebSocket socket, byte[] data) =>
        socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None);

    public static async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync(this WebSocket socket, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        byte[] buffer = new byte[64 * 1024];
        int length = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);

        return (received.MessageType, buffer[..length]);
    }

    /// <summary>The next text message as JSON (binary messages before it are returned in the out list).</summary>
    public static async Task<JsonElement> ReceiveJsonAsync(this WebSocket socket, int timeoutMs = 10_000)
    {
        (WebSocketMessageType type, byte[] data) = await socket.ReceiveAsync(timeoutMs);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(data).RootElement.Clone();
    }
}
