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
/// <c>since</c> on (retained events first), optionally for one lock. The client only listens.
/// A client that falls <see cref="EventSubscription.Capacity"/> events behind is closed with
/// 1008 and the sequence number to resume from; one that stops reading at the TCP level is
/// aborted after <see cref="SocketRules.SendTimeout"/>; a server that stops closes with 1001.
/// Either way its subscription is released.
/// </summary>
internal static class EventStream
{
    public static async Task ServeAsync(WebSocket socket, EventLog log, EventSubscription subscription, long since, uint? lockId, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task receiving = ReceiveUntilClosedAsync(socket, stop);
        (WebSocketCloseStatus status, string reason) = (WebSocketCloseStatus.NormalClosure, "bye");
        try
        {
            // Retained events first, page by page, up to where the live subscription begins.
            for (long cursor = since; cursor < subscription.After;)
            {
                EventLogView page = log.Since(cursor, BacklogPage);
                foreach (FleetEvent e in page.Events)
                {
                    if (e.Seq <= subscription.After && (lockId == null || e.LockId == lockId))
                    {
                        await SendAsync(socket, e);
                    }
                }

                cursor = page.Events.Length == 0 ? subscription.After : page.Next;
            }

            await foreach (FleetEvent e in subscription.Reader.ReadAllAsync(stop.Token))
            {
                await SendAsync(socket, e);
            }

            if (subscription.OverflowedAfter is long after)
            {
                (status, reason) = (WebSocketCloseStatus.PolicyViolation, $"fell behind: reconnect with ?since={after}");
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (status, reason) = (WebSocketCloseStatus.EndpointUnavailable, "server stopping");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            log.Unsubscribe(subscription);
            await SocketRules.CloseAsync(socket, status, reason);
            await SocketRules.AwaitReceiverAsync(socket, receiving);
        }
    }

    private const int BacklogPage = 1_000;

    private static async Task SendAsync(WebSocket socket, FleetEvent e)
    {
        using var timeout = new CancellationTokenSource(SocketRules.SendTimeout);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(e, ServerJson.Options), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>Reads what the client sends (nothing is expected) until it closes; then the stream stops.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        byte[] buffer = new byte[SocketRules.MaxIncomingBytes];
        try
        {
            while (socket.State == WebSocketState.Open && (await SocketRules.ReceiveAsync(socket, buffer)).Length >= 0)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        await stop.CancelAsync();
    }
}
