using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator.Server.Ble;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Phone;
using LockSimulator.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>
/// A virtual staff phone doing one whole app operation with the protocol library. Virtual
/// time passes while it does (the fleet with it); status and sync upload to the webhook as the app would.
/// </summary>
internal static class PhoneEndpoints
{
    private static readonly (string Path, PhoneOperation Operation, string OperationId, string Summary)[] Operations =
    [
        ("unlock", PhoneOperation.Unlock, "phoneUnlock", "Unlock: session, Unlock, wait until the move has finished"),
        ("lock", PhoneOperation.Lock, "phoneLock", "Lock: session, Lock, wait until the move has finished"),
        ("status", PhoneOperation.Status, "phoneStatus", "Read the status (uploaded to the webhook)"),
        ("sync", PhoneOperation.Sync, "phoneSync", "Sync the audit log: Status, ReadAudit until done, AcknowledgeAudit (uploaded to the webhook)"),
        ("selftest", PhoneOperation.SelfTest, "phoneSelfTest", "Run the self-test and wait for its result"),
        ("battery-change", PhoneOperation.BatteryChange, "phoneBatteryChange", "Register a battery change (installer role when a gas risk is latched)"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/locks/{id}/phone").WithTags("Virtual staff phone");
        foreach ((string path, PhoneOperation operation, string operationId, string summary) in Operations)
        {
            group.MapPost("/" + path, (uint id, PhoneRequest request, LockFleet fleet, WebhookSender webhooks) => Run(id, operation, request, fleet, webhooks))
                .WithName(operationId)
                .WithSummary(summary)
                .WithDescription("The phone opens a session with the given credential and key (hex), giving the lock the time first if it asks; " +
                                 "virtual time passes until the operation is done and the whole fleet follows to that time. " +
                                 "A lock that refuses still answers: the status is 200 and result is not Ok (e.g. OutsideWindow, RefusedBattery); " +
                                 "4xx means the request itself was wrong, 409 that the lock cannot be reached (no power, its connection held).")
                .ProducesProblems(StatusCodes.Status400BadRequest)
                .ProducesProblems(StatusCodes.Status404NotFound)
                .ProducesProblems(StatusCodes.Status409Conflict);
        }
    }

    private static PhoneResult Run(uint id, PhoneOperation operation, PhoneRequest request, LockFleet fleet, WebhookSender webhooks)
    {
        var credential = new IssuedCredential(Hex.Parse(request.Credential, Credential.Size, "credential"), Hex.Parse(request.Key, 32, "key"));
        if (request.Mtu is < BleLink.MinMtu or > BleLink.MaxMtu)
        {
            throw ApiProblem.BadRequest($"mtu must be {BleLink.MinMtu} … {BleLink.MaxMtu}");
        }

        PhoneResult result = fleet.RunAhead(id, l => VirtualStaffPhone.Run(l, operation, credential, request.Mtu));
        if (operation is PhoneOperation.Status or PhoneOperation.Sync && result.Status != null)
        {
            uint userId = LockFirmware.Bytes.ReadUInt32(credential.Credential, 8);
            string kind = operation == PhoneOperation.Sync ? "audit" : "status";
            webhooks.Upload(new WebhookPayload(kind, id, result.Lock.Serial, result.FinishedMs, userId, result.Status, result.Records));
        }

        return result;
    }
}
