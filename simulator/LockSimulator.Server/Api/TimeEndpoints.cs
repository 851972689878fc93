using System;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>The fleet's virtual clock: paused (the default), advanced by a duration, or running at a factor of real time.</summary>
internal static class TimeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/time").WithTags("Time");

        group.MapGet("", (LockFleet fleet, TimeRunner runner) => View(fleet, runner))
            .WithName("getTime")
            .WithSummary("The fleet's virtual time and mode");

        group.MapPost("/pause", async (LockFleet fleet, TimeRunner runner) =>
            {
                await runner.PauseAsync();
                return View(fleet, runner);
            })
            .WithName("pauseTime")
            .WithSummary("Stop running virtual time");

        group.MapPost("/advance", (AdvanceRequest request, LockFleet fleet, TimeRunner runner) =>
            {
                if ((request.Ms == null) == (request.Duration == null))
                {
                    throw ApiProblem.BadRequest("give exactly one of ms or duration");
                }

                long ms = request.Ms ?? (long)Math.Ceiling(request.Duration!.Value.TotalMilliseconds);
                fleet.Advance(ms);
                return View(fleet, runner);
            })
            .WithName("advanceTime")
            .WithSummary("Step every lock to the same later virtual time (ms or a time span, up to a week)")
            .WithDescription("Locks run in parallel; their events are published merged by time and lock id, so equal requests give equal event logs.")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapPost("/run", async (RunRequest request, LockFleet fleet, TimeRunner runner) =>
            {
                if (!(request.Factor is >= 0.01 and <= 100_000))
                {
                    throw ApiProblem.BadRequest("factor must be 0.01 … 100 000");
                }

                await runner.RunAsync(request.Factor);
                return View(fleet, runner);
            })
            .WithName("runTime")
            .WithSummary("Run virtual time at a factor of real time (1 = real time) until paused")
            .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    public static TimeView View(LockFleet fleet, TimeRunner runner) => new(
        fleet.Now,
        fleet.WallTime,
        runner.Factor > 0 ? "running" : "paused",
        runner.Factor,
        fleet.Count,
        fleet.Events.LastSeq);
}
