using System;
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
    private const int DefaultPage = 1_000;
    private const int MaxPage = 10_000;

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

        group.MapPost("/locks/bulk", Created<LocksCreatedView> (CreateLocksRequest request, LockFleet fleet) =>
            {
                int created = fleet.CreateMany(request);
                return TypedResults.Created("/locks/page", new LocksCreatedView(created, request.FirstLockId, request.FirstLockId + (uint)created - 1));
            })
            .WithName("createLocks")
            .WithSummary("Create many locks with consecutive lock ids (up to 50 000 per request)")
            .WithDescription("All or nothing: if any of the ids is taken or the fleet would overflow, none is created.")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status409Conflict);

        group.MapGet("/locks/page", (uint? after, int? limit, LockFleet fleet) =>
            {
                int size = limit ?? DefaultPage;
                if (size is < 1 or > MaxPage)
                {
                    throw ApiProblem.BadRequest($"limit must be 1 … {MaxPage}");
                }

                FleetLock[] page = fleet.Page(after, size + 1);
                LockSummary[] locks = page.Take(size).Select(l => l.Read(() => LockViews.Summary(l))).ToArray();
                return new LockPageView(locks, page.Length > size ? locks[^1].LockId : null, fleet.Count);
            })
            .WithName("listLocksPaged")
            .WithSummary("A page of the fleet's locks in lock id order: after = the last lock id of the previous page")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/locks/{id}/events", (uint id, long? since, LockFleet fleet) =>
            {
                FleetLock found = fleet.Get(id);
                FleetEvent[] events = found.RecentSince(since ?? 0);
                return new EventLogView(events, events.Length > 0 ? events[^1].Seq : Math.Max(since ?? 0, 0));
            })
            .WithName("getLockEvents")
            .WithSummary($"The lock's latest events (its last {FleetLock.RecentEvents}) after a sequence number, without scanning the fleet's log")
            .ProducesProblems(StatusCodes.Status404NotFound);

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
