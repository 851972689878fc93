using System;
using System.IO;
using System.Linq;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Views;
using LockSimulator.Tracing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>What a lock recorded: its audit log from flash, its trace as JSON or as a VCD waveform.</summary>
internal static class RecordEndpoints
{
    private const int MaxTraceEvents = 10_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/locks/{id}").WithTags("Audit and traces");

        group.MapGet("/audit", (uint id, uint? since, LockFleet fleet) =>
            {
                FleetLock found = fleet.Get(id);
                return found.Read(() => found.Sim.Powered
                    ? AuditViews.Of(found.Sim.Core.AuditLog, since ?? 0)
                    : throw ApiProblem.Conflict($"lock {id} has no power: its log cannot be read"));
            })
            .WithName("getAudit")
            .WithSummary("The audit log as read back from the lock's flash, decoded (records with sequence ≥ since)")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .ProducesProblems(StatusCodes.Status409Conflict);

        group.MapGet("/trace", (uint id, long? since, int? limit, LockFleet fleet) =>
            {
                long from = since ?? 0;
                int take = limit ?? MaxTraceEvents;
                if (from < 0 || take is < 1 or > MaxTraceEvents)
                {
                    throw ApiProblem.BadRequest($"since must be ≥ 0 and limit 1 … {MaxTraceEvents}");
                }

                FleetLock found = fleet.Get(id);
                return found.Read(() =>
                {
                    TraceRecorder trace = found.Sim.Trace;
                    long start = Math.Max(from, trace.Dropped);
                    TraceEventView[] page = trace.Events.Skip((int)Math.Min(start - trace.Dropped, int.MaxValue)).Take(take)
                        .Select(e => new TraceEventView(e.TimeMs + found.OffsetMs, e.Signal, e.Value)).ToArray();
                    return new TraceView(page, Math.Min(trace.Total, start + page.Length), trace.Dropped);
                });
            })
            .WithName("getTrace")
            .WithSummary("The lock's trace events (pins, state, BLE frames, phone messages) from an index on")
            .WithDescription($"Indexes count every event the lock ever recorded; the server keeps the latest {FleetLock.TraceCapacity}, so `first` says where the retained ones begin.")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status404NotFound);

        group.MapGet("/trace.vcd", ContentHttpResult (uint id, LockFleet fleet) =>
            {
                FleetLock found = fleet.Get(id);
                string vcd = found.Read(() =>
                {
                    using var text = new StringWriter();
                    VcdWriter.Write(found.Sim.Trace.Events, found.Sim.Now, text);
                    return text.ToString();
                });
                return TypedResults.Text(vcd, "text/x-vcd");
            })
            .WithName("getTraceVcd")
            .WithSummary("The lock's pins as an IEEE 1364 VCD waveform (GTKWave, PulseView), in the lock's own time")
            .Produces<string>(StatusCodes.Status200OK, "text/x-vcd")
            .ProducesProblems(StatusCodes.Status404NotFound);
    }
}
