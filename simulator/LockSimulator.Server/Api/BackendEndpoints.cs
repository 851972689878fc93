using System;
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
                if (request.DayStartMinutes is < 0 or > 1440 || request.DayEndMinutes is < 0 or > 1440)
                {
                    throw ApiProblem.BadRequest("dayStartMinutes and dayEndMinutes must be 0 … 1440");
                }

                if (until <= from || from.ToUnixTimeSeconds() < 0 || until.ToUnixTimeSeconds() > uint.MaxValue)
                {
                    throw ApiProblem.BadRequest("the validity window must be non-empty and within 1970 … 2106");
                }

                if (!Enum.IsDefined(request.Role))
                {
                    throw ApiProblem.BadRequest("role must be Staff, Installer or Admin");
                }

                LockBackend backend = BackendFor(fleet, request.LockId);
                IssuedCredential issued;
                try
                {
                    issued = backend.Issue(new CredentialFields
                    {
                        LockId = request.LockId,
                        KeyId = request.KeyId,
                        UserId = request.UserId,
                        Role = request.Role,
                        Organisation = request.Organisation,
                        ValidFrom = from,
                        ValidUntil = until,
                        Days = request.Days,
                        DayStart = TimeSpan.FromMinutes(request.DayStartMinutes),
                        DayEnd = TimeSpan.FromMinutes(request.DayEndMinutes),
                    });
                }
                catch (ArgumentException refused)
                {
                    // The backend's own rules: no daily window without days, none that is empty or wraps midnight.
                    throw ApiProblem.BadRequest(refused.Message);
                }

                return new CredentialView(Convert.ToHexString(issued.Credential), Convert.ToHexString(issued.Key), from, until);
            })
            .WithSummary("Issue a credential for a lock of the fleet: credential and key as hex")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/time-tokens", (TimeTokenRequest request, LockFleet fleet) =>
            {
                DateTimeOffset time = request.Time ?? fleet.WallTime;
                if (time.ToUnixTimeSeconds() is < 0 or > uint.MaxValue)
                {
                    throw ApiProblem.BadRequest("time must be within 1970 … 2106");
                }

                return new TimeTokenView(Convert.ToHexString(BackendFor(fleet, request.LockId).TimeToken(time)), time);
            })
            .WithSummary("Make a time token (a SET_TIME message, hex) for a lock of the fleet; time defaults to the fleet's wall time")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static LockBackend BackendFor(LockFleet fleet, uint lockId) => new(lockId, fleet.Get(lockId).Sim.Setup.Secret);
}
