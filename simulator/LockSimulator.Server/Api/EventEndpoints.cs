using System.Threading;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace LockSimulator.Server.Api;

/// <summary>The fleet's event log: live over a WebSocket, or read back page by page, and its digest.</summary>
internal static class EventEndpoints
{
    private const int MaxPage = 10_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/events").WithTags("Events");

        group.MapGet("", async (HttpContext context, long? since, uint? lockId, LockFleet fleet, IHostApplicationLifetime lifetime) =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    throw ApiProblem.BadRequest("/events is a WebSocket: connect with a WebSocket client (or read /events/log)");
                }

                if (lockId is uint only)
                {
                    fleet.Get(only);
                }

                EventSubscription subscription = fleet.Events.Subscribe(lockId);
                try
                {
                    using var socket = await context.WebSockets.AcceptWebSocketAsync();
                    using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                    await EventStream.ServeAsync(socket, fleet.Events, subscription, since ?? subscription.After, lockId, ended.Token);
                }
                finally
                {
                    fleet.Events.Unsubscribe(subscription);
                }
            })
            .WithName("openEventStream")
            .WithSummary("WebSocket: fleet events as JSON text messages (state, motor, LEDs, alarms, warnings, …)")
            .WithDescription("Upgrade to a WebSocket. Events after ?since=N (default: from now on; retained events first), optionally ?lockId=N only. " +
                             "Each text message is one FleetEvent as JSON; the server expects nothing from the client but its close. " +
                             $"A client more than {EventSubscription.Capacity} live events behind is closed with 1008 and the reason \"fell behind: reconnect with ?since=N\"; " +
                             $"one that does not read for {SocketRules.SendTimeout.TotalSeconds} s is dropped; a stopping server closes with 1001. At most {EventLog.MaxSubscriptions} streams at once (409).")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/log", (long? since, int? limit, LockFleet fleet) =>
            {
                int take = limit ?? MaxPage;
                if (take is < 1 or > MaxPage)
                {
                    throw ApiProblem.BadRequest($"limit must be 1 … {MaxPage}");
                }

                return fleet.Events.Since(since ?? 0, take);
            })
            .WithName("getEventLog")
            .WithSummary($"Retained events (the latest {EventLog.Retained}) after a sequence number")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/digest", (LockFleet fleet) => fleet.Events.Digest())
            .WithName("getEventDigest")
            .WithSummary("SHA-256 of every event published so far as JSON lines: the same seed and requests give the same digest");
    }
}
