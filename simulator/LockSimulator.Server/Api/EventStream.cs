using System;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Api;

/// <summary>
/// The /events WebSocket: every published fleet event as one JSON text message, from
/// <c>since</c> on (retained events first), optionally for one lock. The client only listens;
/// one that falls too far behind is closed with the sequence number to resume from.
/// </summary>
internal static class EventStream
{
    public static async Task ServeAsync(WebSocket socket, EventLog log, long since, uint? lockId, CancellationToken aborted)
    {
        EventSubscription subscription = log.Subscribe(since, lockId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        Task listening = DrainIncomingAsync(socket, stop);
        try
        {
            await foreach (FleetEvent e in subscription.Reader.ReadAllAsync(stop.Token))
            {
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(e, ServerJson.Options), WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }

            if (subscription.OverflowedAfter is long after)
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, $"fell behind: reconnect with ?since={after}", stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            log.Unsubscribe(subscription);
            await stop.CancelAsync();
            await listening;
        }
    }

    /// <summary>Reads (and ignores) what the client sends, so its close is noticed and answered.</summary>
    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource stop)
    {
        byte[] buffer = new byte[256];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                ValueWebSocketReceiveResult received = await socket.ReceiveAsync(buffer.AsMemory(), stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }

        await stop.CancelAsync();
    }
}
