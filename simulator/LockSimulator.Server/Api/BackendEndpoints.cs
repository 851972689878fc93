using System;
using System.Linq;
using LockFirmware.Protocol.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>
/// The backend's side for integrators whose backend is not .NET: credentials and time tokens
/// made with the protocol library's <see cref="LockBackend"/> and the lock's secret.
/// </summary>
internal static class BackendEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/backend").WithTags("Backend");

        group.MapPost("/credentials", (CredentialRequest request, LockFleet fleet) =>
            {
                DateTimeOffset from = request.ValidFrom ?? fleet.WallTime.AddHours(-1);
                DateTimeOffset until = request.ValidUntil ?? from.AddDays(1);
                if (until <= from)
                {
                    throw ApiProblem.BadRequest($"validFrom ({from:O}{(request.ValidFrom == null ? ", the default" : "")}) must be before validUntil ({until:O})");
                }

                if (from.ToUnixTimeSeconds() < 0 || until.ToUnixTimeSeconds() > uint.MaxValue)
                {
                    throw ApiProblem.BadRequest("the validity window must lie within 1970 … 2106 (the lock counts unsigned 32-bit seconds)");
                }

                if (!Enum.IsDefined(request.Role))
                {
                    throw ApiProblem.BadRequest("role must be Staff, Installer or Admin");
                }

                (DayOfWeek[] days, int dayStart, int dayEnd) = Schedule(request);
                IssuedCredential issued;
                try
                {
                    issued = BackendFor(fleet, request.LockId).Issue(new CredentialFields
                    {
                        LockId = request.LockId,
                        KeyId = request.KeyId,
                        UserId = request.UserId,
                        Role = request.Role,
                        Organisation = request.Organisation,
                        ValidFrom = from,
                        ValidUntil = until,
                        Days = days,
                        DayStart = TimeSpan.FromMinutes(dayStart),
                        DayEnd = TimeSpan.FromMinutes(dayEnd),
                    });
                }
                catch (ArgumentException refused)
                {
                    // The backend library's own rules (docs/PROTOCOL.md, "Credentials") beyond the checks above.
                    throw ApiProblem.BadRequest(refused.Message);
                }
                return new CredentialView(Convert.ToHexString(issued.Credential), Convert.ToHexString(issued.Key), from, until);
            })
            .WithName("issueCredential")
            .WithSummary("Issue a credential for a lock of the fleet: credential and key as hex")
            .WithDescription("Defaults: role Staff, organisation 1, validFrom the fleet's wall time less one hour, validUntil a day after validFrom, " +
                             "no days = every day, any time. With days, the daily window dayStartMinutes … dayEndMinutes (UTC, default 0 … 1440) applies on those days. " +
                             "Issued with the secret of the lock's last pairing (409 while it is unpaired).")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapPost("/time-tokens", (TimeTokenRequest request, LockFleet fleet) =>
            {
                DateTimeOffset time = request.Time ?? fleet.WallTime;
                if (time.ToUnixTimeSeconds() is < 0 or > uint.MaxValue)
                {
                    throw ApiProblem.BadRequest("time must be within 1970 … 2106");
                }

                return new TimeTokenView(Convert.ToHexString(BackendFor(fleet, request.LockId).TimeToken(time)), time);
            })
            .WithName("issueTimeToken")
            .WithSummary("Make a time token (a SET_TIME message, hex) for a lock of the fleet; time defaults to the fleet's wall time")
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// The weekly schedule, refused when it cannot mean what the caller wants: a daily window
    /// without days (the lock would ignore it: no days means every day, any time), an empty list
    /// of days (never), a window that ends before it starts.
    /// </summary>
    private static (DayOfWeek[] Days, int Start, int End) Schedule(CredentialRequest request)
    {
        if (request.Days == null)
        {
            if (request.DayStartMinutes != null || request.DayEndMinutes != null)
            {
                throw ApiProblem.BadRequest("a daily window (dayStartMinutes, dayEndMinutes) needs days: name the weekdays it applies to, " +
                                            "e.g. \"days\":[\"Monday\",\"Tuesday\"], or leave all three out for every day, any time");
            }

            return ([], 0, 1440);
        }

        if (request.Days.Length == 0)
        {
            throw ApiProblem.BadRequest("days is empty, which would mean never: name at least one weekday, or leave days out for every day, any time");
        }

        if (request.Days.Any(d => !Enum.IsDefined(d)))
        {
            throw ApiProblem.BadRequest("days are weekday names: Monday … Sunday");
        }

        int start = request.DayStartMinutes ?? 0;
        int end = request.DayEndMinutes ?? 1440;
        if (start is < 0 or > 1439 || end is < 1 or > 1440)
        {
            throw ApiProblem.BadRequest("dayStartMinutes must be 0 … 1439 and dayEndMinutes 1 … 1440 (minutes after midnight UTC)");
        }

        if (start >= end)
        {
            throw ApiProblem.BadRequest($"dayStartMinutes ({start}) must be before dayEndMinutes ({end}); a window over midnight needs two credentials");
        }

        return (request.Days, start, end);
    }

    /// <summary>The backend of a lock knows the secret of its last pairing.</summary>
    private static LockBackend BackendFor(LockFleet fleet, uint lockId)
    {
        FleetLock found = fleet.Get(lockId);
        byte[] secret = found.Read(() => found.PairedSecret) ??
            throw ApiProblem.Conflict($"lock {lockId} is not paired: pair it first (POST /locks/{lockId}/pair)");
        return new LockBackend(lockId, secret);
    }
}
