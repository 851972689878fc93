using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// How the server's WebSockets end: always with a close frame when the socket still allows one
/// (never a bare TCP reset), and never by cancelling a pending receive (which aborts the socket).
/// A client frame without a mask is closed with 1002 by the WebSocket itself (RFC 6455 §5.1);
/// a message over <see cref="MaxIncomingBytes"/> is closed with 1009 as soon as it is seen.
/// </summary>
internal static class SocketRules
{
    /// <summary>No control message or BLE fragment is longer; the /events socket expects none at all.</summary>
    public const int MaxIncomingBytes = 1024;

    /// <summary>A send that takes longer than this means the client stopped reading at the TCP level: the socket is aborted.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a client has to answer our close frame.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Sends a close frame if the socket still allows one; a client that does not take it is aborted.</summary>
    public static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>Waits for the receive loop to see the client's close; aborts a client that never sends it.</summary>
    public static async Task AwaitReceiverAsync(WebSocket socket, Task receiving)
    {
        if (await Task.WhenAny(receiving, Task.Delay(CloseTimeout)) != receiving)
        {
            socket.Abort();
        }

        await receiving;
    }

    /// <summary>
    /// Reads one whole message into <paramref name="buffer"/>; returns its length, or -1 when the
    /// message was too long (the socket is then closed with 1009) or the client closed.
    /// </summary>
    public static async Task<(int Length, WebSocketMessageType Type)> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        int length = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            if (length == buffer.Length)
            {
                await CloseAsync(socket, WebSocketCloseStatus.MessageTooBig, $"messages are at most {buffer.Length} bytes");
                return (-1, WebSocketMessageType.Close);
            }

            received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            length += received.Count;
        }
        while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

        return received.MessageType == WebSocketMessageType.Close ? (-1, WebSocketMessageType.Close) : (length, received.MessageType);
    }
}
