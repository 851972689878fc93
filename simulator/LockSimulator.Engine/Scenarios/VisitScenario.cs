using System;
using System.Collections.Generic;
using LockFirmware;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Protocol.Client;
using LockFirmware.Storage;

namespace LockSimulator.Scenarios;

/// <summary>
/// A care visit to a customer who lives behind a building's port unit, as the routine has it:
/// the back office gives the staff member one credential set (a credential for the building's
/// port unit and one for the customer's door unit, each sealed with that lock's own secret);
/// at the entrance the staff phone opens the port unit and the staff member goes in; upstairs
/// the same phone opens the customer's door unit, and locks it on leaving. The door is tried
/// only once the entrance has let the staff in, as in the stairwell. Each unit's audit must
/// say who opened it and when. The two units run on their own virtual clocks from the same
/// wall time; the phone's app is one <see cref="SimulatedPhone"/> per unit, holding that
/// unit's credential.
/// </summary>
public sealed class VisitScenario
{
    public const uint PortLockId = 2001;

    public const uint DoorLockId = 1001;

    /// <summary>The staff member the back office issued the credential set to.</summary>
    public const uint StaffUserId = 42;

    /// <summary>The staff member's key on the port unit (a key id is per lock).</summary>
    public const uint PortKeyId = 31;

    public const uint DoorKeyId = 7;

    /// <summary>The staff phone opens the entrance.</summary>
    public const long ArrivalAt = 1_000;

    /// <summary>The staff member pushes the entrance door as the strike buzzes.</summary>
    public const long PushAfterMs = 1_200;

    /// <summary>The entrance door stands open while the staff member walks through.</summary>
    public const long EntranceOpenMs = 3_000;

    /// <summary>How long the port unit gets to let the staff in before the visit is called off.</summary>
    public const long EntranceWaitMs = 15_000;

    /// <summary>From the entrance up the stairs to the customer's door.</summary>
    public const long StairsMs = 60_000;

    /// <summary>The visit itself: the door unit is locked again on leaving.</summary>
    public const long VisitMs = 20 * 60_000;

    /// <summary>Time given to the door unit's last move and the phone's hang-up.</summary>
    private const long SettleMs = 15_000;

    private readonly List<VisitStep> _steps = new();

    private VisitScenario(SimulatedLock port, SimulatedLock door)
    {
        Port = port;
        Door = door;
    }

    /// <summary>The building's port unit.</summary>
    public SimulatedLock Port { get; }

    /// <summary>The customer's door unit.</summary>
    public SimulatedLock Door { get; }

    /// <summary>Each step of the routine in order, and whether it happened as required.</summary>
    public IReadOnlyList<VisitStep> Steps => _steps;

    /// <summary>Every step happened as the routine requires.</summary>
    public bool Passed => _steps.Count == StepCount && _steps.TrueForAll(s => s.Done);

    /// <summary>How many steps a whole visit has.</summary>
    public const int StepCount = 6;

    /// <summary>When the staff phone tried the door unit (virtual ms; both units' clocks start at the same wall time), or null when the entrance never let the staff in.</summary>
    public long? AtDoorMs { get; private set; }

    /// <param name="timing">Ideal time or the board's; both units get it.</param>
    /// <param name="seed">Seed of the device timing's jitter.</param>
    /// <param name="portCredentialSecret">The secret the port unit's credential is sealed with; null: the port unit's own. Another makes the phone a stranger at the entrance.</param>
    /// <param name="buildingSupplyCut">The building's supply is gone before the staff arrive: the port unit's strike has none (NoStrikeSupply).</param>
    public static VisitScenario Run(Timing.TimingProfile timing = Timing.TimingProfile.Ideal, int seed = 1, byte[]? portCredentialSecret = null, bool buildingSupplyCut = false)
    {
        var portSetup = new LockSetup { Kind = UnitKind.Port, LockId = PortLockId, Serial = "SIMPORT1", Secret = SecretOf(0x50), Timing = timing, Seed = seed };
        var doorSetup = new LockSetup { Kind = UnitKind.Door, LockId = DoorLockId, Serial = "SIM01001", Secret = SecretOf(0xD0), Timing = timing, Seed = seed };
        var visit = new VisitScenario(new SimulatedLock(portSetup), new SimulatedLock(doorSetup));
        if (buildingSupplyCut)
        {
            visit.Port.SetMains(0, present: false);
        }

        visit.Walk(portCredentialSecret ?? portSetup.Secret);
        return visit;
    }

    private void Walk(byte[] portCredentialSecret)
    {
        SimulatedPhone atPort = StaffPhone(Port, PortKeyId, portCredentialSecret);
        SimulatedPhone atDoor = StaffPhone(Door, DoorKeyId, Door.Setup.Secret);

        atPort.Send(ArrivalAt, Opcode.Unlock);
        PortDemoScenario.PushDoor(Port, ArrivalAt + PushAfterMs, EntranceOpenMs);
        Port.RunUntil(ArrivalAt + EntranceWaitMs);

        bool released = Answered(atPort, Opcode.Unlock, ResultCode.Ok);
        Step("port", "the staff phone releases the strike", released, Describe(atPort, Opcode.Unlock));
        AuditStep(Port, "port", PortKeyId, notBefore: 0);
        uint? entry = Find(Port, AuditEvent.Entry, detail: null, result: null)?.Time;
        bool inside = entry != null && Port.Core.State == LockState.Locked && !Port.Strike!.Energised;
        Step("port", "the door contact confirms the entry and the strike engages again", inside,
            entry == null ? "no entry record" : $"entry at {Clock(entry.Value)}, state {Port.Core.State}");
        if (!inside)
        {
            return;
        }

        AtDoorMs = ArrivalAt + EntranceWaitMs + StairsMs;
        atDoor.Send(AtDoorMs.Value, Opcode.Unlock);
        atDoor.Send(AtDoorMs.Value + VisitMs, Opcode.Lock);
        Door.RunUntil(AtDoorMs.Value + VisitMs - 1);
        bool opened = Answered(atDoor, Opcode.Unlock, ResultCode.Ok) && Door.Core.State == LockState.Unlocked;
        Step("door", "the same phone unlocks the customer's door unit", opened, $"{Describe(atDoor, Opcode.Unlock)}, state {Door.Core.State}");
        AuditStep(Door, "door", DoorKeyId, notBefore: entry!.Value);

        Door.RunUntil(AtDoorMs.Value + VisitMs + SettleMs);
        bool locked = Answered(atDoor, Opcode.Lock, ResultCode.Ok) && Door.Core.State == LockState.Locked;
        Step("door", "the phone locks the door unit on leaving", locked, $"{Describe(atDoor, Opcode.Lock)}, state {Door.Core.State}");
    }

    /// <summary>The unit's audit holds the unlock with the staff member's user and key, timed no earlier than <paramref name="notBefore"/> (Unix seconds).</summary>
    private void AuditStep(SimulatedLock unit, string name, uint keyId, uint notBefore)
    {
        AuditEntry? unlock = Find(unit, AuditEvent.Command, (uint)Opcode.Unlock, (byte)ResultCode.Ok);
        bool said = unlock is { } u && u.UserId == StaffUserId && u.KeyId == keyId && !u.SinceBoot && u.Time >= notBefore;
        Step(name, "its audit says who opened and when", said,
            unlock is { } found ? $"user {found.UserId}, key {found.KeyId}, at {(found.SinceBoot ? "an unknown time" : Clock(found.Time))}" : "no unlock record");
    }

    private void Step(string unit, string what, bool done, string detail) => _steps.Add(new VisitStep(unit, what, done, detail));

    /// <summary>The staff member's phone at <paramref name="unit"/>, with the credential the back office issued for that unit.</summary>
    private static SimulatedPhone StaffPhone(SimulatedLock unit, uint keyId, byte[] secret)
    {
        LockSetup setup = unit.Setup;
        var backend = new LockBackend(setup.LockId, secret);
        IssuedCredential credential = backend.Issue(new CredentialFields
        {
            LockId = setup.LockId,
            KeyId = keyId,
            UserId = StaffUserId,
            ValidFrom = setup.Epoch.AddHours(-1),
            ValidUntil = setup.Epoch.AddHours(8),
        });
        return new SimulatedPhone(unit, credential, backend);
    }

    private static bool Answered(SimulatedPhone phone, Opcode opcode, ResultCode result) =>
        phone.Responses.Exists(r => r.Opcode == opcode && r.Result == result);

    private static string Describe(SimulatedPhone phone, Opcode opcode)
    {
        CommandResponse? answer = phone.Responses.FindLast(r => r.Opcode == opcode);
        return answer == null ? $"no answer to {opcode}" : $"{opcode}: {answer.Result}";
    }

    /// <summary>The latest record of <paramref name="kind"/> with the given detail and result (null: any; a result of 0 is Ok, not "any").</summary>
    private static AuditEntry? Find(SimulatedLock unit, AuditEvent kind, uint? detail, byte? result)
    {
        AuditLog log = unit.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        for (int i = count - 1; i >= 0; i--)
        {
            int at = i * AuditRecord.Size;
            if ((AuditEvent)buffer[at + AuditRecord.EventOffset] != kind
                || (detail != null && Bytes.ReadUInt32(buffer, at + AuditRecord.DetailOffset) != detail)
                || (result != null && buffer[at + AuditRecord.ResultOffset] != result))
            {
                continue;
            }

            uint time = Bytes.ReadUInt32(buffer, at + AuditRecord.TimeOffset);
            return new AuditEntry(time & 0x7FFF_FFFF, (time & 0x8000_0000) != 0,
                Bytes.ReadUInt32(buffer, at + AuditRecord.UserIdOffset), Bytes.ReadUInt32(buffer, at + AuditRecord.KeyIdOffset));
        }

        return null;
    }

    private static string Clock(uint unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fixed secret per unit, as the back office would hold after pairing.</summary>
    private static byte[] SecretOf(byte first)
    {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.Length; i++)
        {
            secret[i] = (byte)(first + i);
        }

        return secret;
    }

    private readonly record struct AuditEntry(uint Time, bool SinceBoot, uint UserId, uint KeyId);
}

/// <summary>One step of a visit: which unit, what the routine requires, whether it happened, and what was seen.</summary>
public sealed record VisitStep(string Unit, string What, bool Done, string Detail);
