using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using LockFirmware.Protocol.Client;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>The virtual staff phone's whole operations, the backend's credentials and time tokens, and the webhook.</summary>
public class PhoneApiTests
{
    [Fact]
    public async Task Unlock_lock_status_selftest_and_battery_change_each_run_as_one_operation()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 6001 });
        SimulatorPhone phone = door.Phone(await server.StaffAsync(6001), mtu: 185);

        PhoneResult unlock = await phone.UnlockAsync();
        Assert.True(unlock.Answered);
        PhoneEventView moved = Assert.Single(unlock.Events);
        Assert.Equal(("stateChanged", "Unlocked", "None"), (moved.Kind, moved.State, moved.Alarm));
        Assert.True(unlock.FinishedMs > unlock.StartedMs);
        Assert.False(unlock.Lock.BleConnected);
        Assert.Equal("Locked", (await phone.LockAsync()).Lock.State);

        PhoneResult status = await phone.StatusAsync();
        Assert.Equal(("Locked", 1, 1), (status.Status!.State, status.Status.CompletedLocks, status.Status.CompletedUnlocks));
        Assert.Equal("BatteryGood", (await phone.SelfTestAsync()).Lock.LastSelfTest);
        Assert.Equal("Ok", (await phone.RegisterBatteryChangeAsync()).Result);
        Assert.Contains("BatteryNotVerified", (await door.GetAsync()).Warnings!.Names);
    }

    [Fact]
    public async Task An_expired_credential_is_refused_and_a_wrong_key_fails_without_harming_the_lock()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 6002 });
        DateTimeOffset now = (await server.Client.TimeAsync()).WallTime;
        CredentialView expired = await server.Client.IssueCredentialAsync(new CredentialRequest
        {
            LockId = 6002, KeyId = 3, UserId = 5, ValidFrom = now.AddDays(-2), ValidUntil = now.AddDays(-1),
        });
        PhoneResult refused = await door.Phone(expired).UnlockAsync();
        Assert.Equal("OutsideWindow", refused.Result);
        Assert.Equal([new PhoneRefusal("Hello", "OutsideWindow")], refused.Refusals);

        CredentialView staff = await server.StaffAsync(6002);
        PhoneResult badKey = await door.Phone(staff with { Key = new string('0', 64) }).UnlockAsync();
        Assert.NotEqual("Ok", badKey.Result);
        Assert.Null(badKey.Lock.Fault);
        Assert.Equal("Unlocked", (await door.Phone(staff).UnlockAsync()).Lock.State);
    }

    [Fact]
    public async Task Sync_uploads_new_records_once_and_status_uploads_the_warnings()
    {
        await using WebhookSink sink = await WebhookSink.StartAsync();
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.SetWebhookAsync(sink.Url);
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 6003 });
        SimulatorPhone phone = door.Phone(await server.StaffAsync(6003));
        await phone.UnlockAsync();

        PhoneResult first = await phone.SyncAsync();
        WebhookPayload upload = await sink.NextAsync();
        Assert.Equal(("audit", 6003u, 42u), (upload.Kind, upload.LockId, upload.UserId));
        Assert.Equal(first.Records!.Select(r => r.Sequence), upload.Records!.Select(r => r.Sequence));
        PhoneResult second = await phone.SyncAsync();
        Assert.True(second.Records!.All(r => r.Sequence > first.Records!.Max(f => f.Sequence)));
        Assert.Equal((await door.AuditAsync()).AcknowledgedUpTo, second.Records!.Max(r => r.Sequence));
        await sink.NextAsync();

        await phone.StatusAsync();
        WebhookPayload status = await sink.NextAsync();
        Assert.Equal("status", status.Kind);
        Assert.Equal((await door.GetAsync()).Warnings!.Bits, status.Status!.Warnings.Bits);
        Assert.Equal(["BatteryNotVerified"], status.Status.Warnings.Names);
        Assert.Equal(sink.Url.ToString(), (await server.GetAsync<WebhookView>("/webhook"))!.Url);
    }

    [Fact]
    public async Task Credentials_and_time_tokens_match_the_protocol_test_vectors()
    {
        await using TestServer server = await TestServer.StartAsync();
        string secret = string.Concat(Enumerable.Range(0, 32).Select(i => i.ToString("X2")));
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 1001, Secret = secret });
        CredentialView vector = await server.Client.IssueCredentialAsync(new CredentialRequest
        {
            LockId = 1001, KeyId = 7, UserId = 42, Organisation = 1,
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            DayStartMinutes = 7 * 60, DayEndMinutes = 22 * 60,
            ValidFrom = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
            ValidUntil = new DateTimeOffset(2026, 12, 23, 0, 0, 0, TimeSpan.Zero),
        });
        Assert.Equal("E9030000070000002A00000001011FFFA40128050082036B000F2B6BE0299BF9CE0822B7286EADFF", vector.Credential);
        Assert.Equal("E128A745307850985499CDF4DA8E93A125EAEC691715CD4D3A6E048C8AC2381A", vector.Key);
        TimeTokenView token = await server.Client.TimeTokenAsync(1001, new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal("0570E4036BE90300000154B98C08EFA0462F5B90FF7C", token.Token); // docs/PROTOCOL.md, "time token"

        var (status, _, _) = await server.SendAsync(HttpMethod.Post, "/backend/credentials", """{"lockId":999,"keyId":1,"userId":1}""");
        Assert.Equal(404, status);
    }
}
