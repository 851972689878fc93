using LockFirmware.Ble;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Phone;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>Pairing a stock unit through HTTP, as the installer does at the door (the raw PAIR over a BLE link works too).</summary>
internal static class PairingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/locks/{id}/pair", (uint id, PairRequest? request, LockFleet fleet) =>
            {
                PairRequest pairing = request ?? new PairRequest();
                byte[] secret = pairing.Secret == null
                    ? LockSecrets.ForPairing(fleet.Seed, id, fleet.Now)
                    : Hex.Parse(pairing.Secret, 32, "secret");
                PairResult result = fleet.RunAhead(id, l => InstallerPairing.Run(l, secret, pairing.Organisation));
                if (result.Result == nameof(ResultCode.SecretReused))
                {
                    // Not a refusal to pass on as 200: the request asked for what the lock will never do.
                    throw ApiProblem.Conflict($"lock {id} refused the secret (SecretReused): it holds it or was paired with it before, and pairing " +
                                              "with it again would bring back keys revoked under it; omit \"secret\" for a fresh one");
                }

                return result;
            })
            .WithName("pairLock")
            .WithTags("Virtual staff phone")
            .WithSummary("Pair a stock unit: hold its button 5 s, send PAIR from the installer's tool; the secret becomes the backend's")
            .WithDescription("Virtual time passes (about 5 s). A refusal (e.g. PairingClosed: the unit is already paired) is a 200 with result ≠ Ok, " +
                             "except SecretReused (the secret is the lock's current one or that of its pairing before), a 409 problem: omit \"secret\" for a fresh one. " +
                             "Afterwards GET /locks/{id} shows the new secret and /backend/* issue with it.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
