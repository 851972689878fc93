using System;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Webhooks;

namespace LockSimulator.Server.Hosting;

/// <summary>One example per schema of the OpenAPI document, as a fresh server with lock 1001 would answer.</summary>
internal static class OpenApiExamples
{
    private const string Secret = "329AE1487522BD4CB9CF68787FC0F9F6BBE9370A9AFFE8A6C82E6278A10C7552";
    private const string Credential = "E9030000070000002A000000010100FF0000A005F0E65B6AE0F75C6A57A9C1D3F3C1B81D2E3F40";
    private const string Key = "3D1E5C0A9B8F7E6D5C4B3A29181706F5E4D3C2B1A0918273645546372819AB0C";

    private static readonly DateTimeOffset Wall = new(2026, 1, 5, 7, 0, 0, TimeSpan.Zero);

    private static readonly WarningsView Warnings = new(16, ["BatteryNotVerified"]);

    private static readonly LockView Lock = new()
    {
        LockId = 1001, Serial = "SIM01001", Kind = "door", Secret = Secret, TimeMs = 1834, Powered = true, State = "Unlocked", Alarm = "None",
        BatteryLevel = "Good", Warnings = Warnings, GasRisk = "None", LastSelfTest = "None", CompletedLocks = 0, CompletedUnlocks = 1,
        Paired = true, LastUser = 42, LastCommunicationMs = 1207, BleConnected = false, BatteryPreset = "good", BatteryVolts = 7.311,
        BatteryStateOfCharge = 0.8999, BoltFraction = 1, DoorOpen = false, FrictionFactor = 1, MotorOpenCircuit = false,
    };

    private static readonly StatusView Status = new("Unlocked", "None", "Good", "None", 0, 1, Warnings, "None", 1, 1, "door");

    private static readonly AuditRecordView Record = new()
    {
        Sequence = 3, Time = 1767596401, TimeSinceBoot = false, At = Wall.AddSeconds(1), Event = "Command", Result = "Ok", BatteryMillivolts = 7304,
        KeyId = 7, UserId = 42, MotorOnTimeMs = 0, Detail = "Unlock", Text = "#3     2026-01-05 07:00:01  command Unlock: Ok, user 42 key 7, battery 7304 mV",
    };

    private static readonly FleetEvent Event = new(12, 1834, 1001, "state", "Unlocked");

    public static readonly (string Schema, object Sample)[] Samples =
    [
        (nameof(CreateLockRequest), new CreateLockRequest { LockId = 1001, Serial = "SIM01001", Battery = "good", StartFraction = 0, Paired = true }),
        (nameof(LockView), Lock),
        (nameof(LockSummary), new LockSummary(1001, "SIM01001", "Unlocked", "Good", 16, false)),
        (nameof(WarningsView), Warnings),
        (nameof(CreateLocksRequest), new CreateLocksRequest { FirstLockId = 100_000, Count = 1_000, Battery = "good", StartFraction = 0, Paired = true, Kind = "door" }),
        (nameof(LocksCreatedView), new LocksCreatedView(1_000, 100_000, 100_999)),
        (nameof(LockPageView), new LockPageView([new LockSummary(1001, "SIM01001", "Unlocked", "Good", 16, false)], 1001, 2)),
        (nameof(ButtonRequest), new ButtonRequest { HoldMs = 300 }),
        (nameof(FaultRequest), new FaultRequest { Kind = "hang", Ms = 1500, AfterMs = 300 }),
        (nameof(BatteryRequest), new BatteryRequest { Preset = "low" }),
        (nameof(DoorRequest), new DoorRequest { Open = true }),
        (nameof(JamRequest), new JamRequest { Fraction = 0.4 }),
        (nameof(FrictionRequest), new FrictionRequest { Factor = 2 }),
        (nameof(MotorFaultRequest), new MotorFaultRequest { OpenCircuit = true }),
        (nameof(PowerRequest), new PowerRequest { On = false }),
        (nameof(MainsRequest), new MainsRequest { Present = false }),
        (nameof(AuditRecordView), Record),
        (nameof(AuditView), new AuditView(4, 0, 0, [Record])),
        (nameof(TraceEventView), new TraceEventView(1207, "motor", "unlock")),
        (nameof(TraceView), new TraceView([new TraceEventView(1207, "motor", "unlock"), new TraceEventView(1834, "state", "Unlocked")], 2, 0)),
        (nameof(AdvanceRequest), new AdvanceRequest { Ms = 5000 }),
        (nameof(RunRequest), new RunRequest { Factor = 60 }),
        (nameof(TimeView), new TimeView(5000, Wall.AddSeconds(5), "paused", 0, 1, 12)),
        (nameof(ServerInfo), new ServerInfo("LockSimulator.Server", 1, "/openapi/v1.json", new TimeView(0, Wall, "paused", 0, 0, 0))),
        (nameof(PhoneRequest), new PhoneRequest { Credential = Credential, Key = Key, Mtu = 23 }),
        (nameof(PhoneResult), new PhoneResult
        {
            Operation = "Unlock", Answered = true, Result = "Ok", Refusals = [], StartedMs = 0, FinishedMs = 1834,
            Events = [new PhoneEventView { Kind = "stateChanged", State = "Unlocked", Alarm = "None", Battery = "Good" }], Lock = Lock,
        }),
        (nameof(PhoneRefusal), new PhoneRefusal("Hello", "OutsideWindow")),
        (nameof(PhoneEventView), new PhoneEventView { Kind = "selfTestFinished", Outcome = "BatteryGood", LoadedMillivolts = 6850 }),
        (nameof(StatusView), Status),
        (nameof(PairRequest), new PairRequest { Secret = Secret, Organisation = 1 }),
        (nameof(PairResult), new PairResult { Answered = true, Result = "Ok", Secret = Secret, StartedMs = 0, FinishedMs = 5310, Lock = Lock }),
        (nameof(CredentialRequest), new CredentialRequest
        {
            LockId = 1001, KeyId = 7, UserId = 42, ValidFrom = Wall, ValidUntil = Wall.AddHours(8),
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], DayStartMinutes = 420, DayEndMinutes = 1320,
        }),
        (nameof(CredentialView), new CredentialView(Credential, Key, Wall, Wall.AddHours(8))),
        (nameof(TimeTokenRequest), new TimeTokenRequest { LockId = 1001 }),
        (nameof(TimeTokenView), new TimeTokenView("03F1625B69E9030000A1B2C3D4E5F60718293A4B", Wall)),
        (nameof(FleetEvent), Event),
        (nameof(EventLogView), new EventLogView([Event], 12)),
        (nameof(EventDigestView), new EventDigestView(12, "758322a65feb04988223cf97ea7707df9d30be26820be538281ed0459d85e107")),
        (nameof(WebhookRequest), new WebhookRequest { Url = "http://127.0.0.1:9000/hook", Secret = "a-long-shared-secret" }),
        (nameof(WebhookView), new WebhookView("http://127.0.0.1:9000/hook", 3, 0, 1, null, WebhookSender.SignatureHeader)),
        (nameof(WebhookPayload), new WebhookPayload("audit", 1001, "SIM01001", 1834, 42, Status, [Record])),
        (nameof(Problem), new Problem("about:blank", "Bad Request", 400, "$.lockId must be an integer 0 … 4294967295")),
    ];
}
