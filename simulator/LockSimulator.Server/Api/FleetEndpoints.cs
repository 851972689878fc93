using System.Linq;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>Creating, listing, inspecting and removing locks.</summary>
internal static class FleetEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("").WithTags("Fleet");
        group.MapGet("/", (LockFleet fleet, Fleet.TimeRunner runner) =>
                new ServerInfo("LockSimulator.Server", fleet.Seed, "/openapi/v1.json", TimeEndpoints.View(fleet, runner)))
            .WithName("getServerInfo")
            .WithSummary("What this server is: seed, virtual time, where the OpenAPI document is");

        group.MapPost("/locks", Created<LockView> (CreateLockRequest request, LockFleet fleet) =>
            {
                FleetLock created = fleet.Create(request);
                return TypedResults.Created($"/locks/{created.Id}", created.Read(() => LockViews.Of(created)));
            })
            .WithName("createLock")
            .WithSummary("Create a lock (serial, lock id, battery preset, start position, paired)")
            .WithDescription("The lock boots at the fleet's virtual time now. Battery presets: " + BatteryPresets.Names + ".")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status409Conflict);

        group.MapGet("/locks", (LockFleet fleet) => fleet.Locks.Select(l => l.Read(() => LockViews.Summary(l))).ToArray())
            .WithName("listLocks")
            .WithSummary("List the fleet's locks");

        group.MapGet("/locks/{id}", (uint id, LockFleet fleet) =>
            {
                FleetLock found = fleet.Get(id);
                return found.Read(() => LockViews.Of(found));
            })
            .WithName("getLock")
            .WithSummary("Inspect a lock: state, battery, warnings, gas risk, last user, last communication, cycle counts, alarm")
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapDelete("/locks/{id}", NoContent (uint id, LockFleet fleet) =>
            {
                fleet.Remove(id);
                return TypedResults.NoContent();
            })
            .WithName("removeLock")
            .WithSummary("Remove a lock; its BLE links close and everything the server kept for it is released")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
