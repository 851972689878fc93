using System.Buffers.Binary;
using System.Collections.Generic;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Views;

namespace LockSimulator.Server.Phone;

/// <summary>
/// A staff member's app performing one whole operation on a lock with the engine's
/// <see cref="SimulatedPhone"/>: connect, open a session with the given credential (giving
/// the lock the time first if it needs it), the commands, waiting for a move or self-test to
/// finish, disconnect. Runs under the lock's gate, the lock ahead of the fleet.
/// </summary>
internal static class VirtualStaffPhone
{
    /// <summary>A move is bounded by the firmware's 9 s motor-on limit; a self-test ends by 7.1 s.</summary>
    private const long FinishTimeoutMs = 15_000;

    /// <summary>ReadAudit answers with up to six records (docs/PROTOCOL.md, "Roles").</summary>
    private const int RecordsPerRead = 6;

    /// <summary>ReadAudit rounds of a sync: 1 651 records at 6 a response need 276.</summary>
    private const int MaxAuditReads = 300;

    private sealed record Outcome(CommandResponse? Response, StatusView? Status = null, AuditRecordView[]? Records = null);

    public static PhoneResult Run(FleetLock target, PhoneOperation operation, IssuedCredential credential, int mtu)
    {
        SimulatedLock sim = target.Sim;
        target.RequireFreeLink();

        long started = target.FleetNow;
        SimulatedPhone phone = target.PhoneFor(credential, new LockBackend(target.Id, target.Secret ?? new byte[32]));
        phone.MtuPayload = mtu - 3;
        target.SetPayload(mtu - 3);
        var exchange = new PhoneExchange(target, phone);
        Outcome outcome;
        try
        {
            outcome = Perform(target, operation, exchange);
        }
        finally
        {
            target.Disconnect();
            sim.RunUntil(sim.Now);
        }

        List<PhoneRefusal> refusals = exchange.Refusals;
        var result = new PhoneResult
        {
            Operation = operation.ToString(),
            Answered = outcome.Response != null || refusals.Count > 0,
            Result = outcome.Response?.Result.ToString() ?? (refusals.Count > 0 ? refusals[^1].Result : null),
            Refusals = refusals.ToArray(),
            StartedMs = started,
            FinishedMs = target.FleetNow,
            Status = outcome.Status,
            Records = outcome.Records,
            Events = exchange.Events.ToArray(),
            Lock = LockViews.Of(target),
        };

        // The phone outlives the operation (it keeps its session state); what it received is in the result.
        phone.Responses.Clear();
        phone.Events.Clear();
        phone.Refusals.Clear();
        return result;
    }

    private static Outcome Perform(FleetLock target, PhoneOperation operation, PhoneExchange exchange) => operation switch
    {
        PhoneOperation.Unlock => Move(target, exchange, Opcode.Unlock),
        PhoneOperation.Lock => Move(target, exchange, Opcode.Lock),
        PhoneOperation.Status => Status(exchange),
        PhoneOperation.Sync => Sync(target, exchange),
        PhoneOperation.SelfTest => SelfTest(exchange),
        PhoneOperation.BatteryChange => new Outcome(exchange.Command(Opcode.RegisterBatteryChange)),
        _ => throw ApiProblem.BadRequest($"unknown operation {operation}"),
    };

    private static Outcome Move(FleetLock target, PhoneExchange exchange, Opcode opcode)
    {
        CommandResponse? response = exchange.Command(opcode);
        if (response?.Result == ResultCode.Ok)
        {
            exchange.RunWhile(() => target.Sim.Powered && target.Sim.Core.IsMoving, FinishTimeoutMs);
        }

        return new Outcome(response);
    }

    private static Outcome Status(PhoneExchange exchange)
    {
        CommandResponse? response = exchange.Command(Opcode.Status);
        return new Outcome(response, response?.Result == ResultCode.Ok ? StatusViews.Decode(response.Payload) : null);
    }

    private static Outcome SelfTest(PhoneExchange exchange)
    {
        CommandResponse? response = exchange.Command(Opcode.RunSelfTest);
        if (response?.Result == ResultCode.Ok)
        {
            exchange.RunWhile(() => exchange.LastEvent is not SelfTestFinished, FinishTimeoutMs);
        }

        return new Outcome(response);
    }

    /// <summary>Status, every audit record not yet synced, then the acknowledgement: what the app uploads.</summary>
    private static Outcome Sync(FleetLock target, PhoneExchange exchange)
    {
        Outcome status = Status(exchange);
        CommandResponse? last = status.Response;
        var records = new List<AuditRecordView>();
        uint from = target.SyncedFrom;
        for (int round = 0; last?.Result == ResultCode.Ok && round < MaxAuditReads; round++)
        {
            last = exchange.Command(Opcode.ReadAudit, LittleEndian(from));
            if (last?.Result != ResultCode.Ok)
            {
                break;
            }

            int count = last.Payload[0];
            records.AddRange(AuditViews.Decode(last.Payload, 1, count));
            if (count > 0)
            {
                from = records[^1].Sequence + 1;
            }

            if (count < RecordsPerRead)
            {
                break;
            }
        }

        if (records.Count > 0 && last?.Result == ResultCode.Ok)
        {
            last = exchange.Command(Opcode.AcknowledgeAudit, LittleEndian(records[^1].Sequence));
            if (last?.Result == ResultCode.Ok)
            {
                target.SyncedFrom = from;
            }
        }

        return new Outcome(last, status.Status, records.ToArray());
    }

    private static byte[] LittleEndian(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
