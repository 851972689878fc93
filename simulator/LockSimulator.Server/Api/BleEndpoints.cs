using System.Threading;
using LockSimulator.Server.Ble;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace LockSimulator.Server.Api;

/// <summary>A phone's BLE link to a lock as a WebSocket (<see cref="BleLink"/>).</summary>
internal static class BleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/locks/{id}/ble", async (uint id, HttpContext context, LockFleet fleet, IHostApplicationLifetime lifetime) =>
            {
                FleetLock target = fleet.Get(id);
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    throw ApiProblem.BadRequest("/locks/{id}/ble is a WebSocket: connect with a WebSocket client");
                }

                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
                await new BleLink(socket, fleet, target).RunAsync(ended.Token);
            })
            .WithTags("BLE")
            .WithName("openBleLink")
            .WithSummary("WebSocket: one phone's BLE link; binary messages are the GATT fragments, text messages control the link")
            .WithDescription("Binary client → server: one write to the command characteristic (1 … ATT payload bytes). Binary server → client: " +
                             "one notification of the response/event characteristic. Text: {\"type\":\"connect\"}, {\"type\":\"mtu\",\"mtu\":185}, " +
                             "{\"type\":\"disconnect\"}; the server answers connected, mtu, disconnected (reason client or power) or error. " +
                             "The lock has one connection: a second connect is refused while another phone holds it. Writes act at the fleet's virtual time now.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
