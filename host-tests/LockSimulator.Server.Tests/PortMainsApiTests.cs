using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>
/// A port unit's building supply over HTTP (issue 21): an integrator cuts and restores it, and
/// the second warnings byte (MainsLost 0x100, BackupLow 0x200) reaches the lock view, the phone's
/// status, the event stream and the OpenAPI enum of warning names.
/// </summary>
public class PortMainsApiTests
{
    [Fact]
    public async Task A_cut_supply_shows_as_MainsLost_in_the_view_the_phones_status_the_events_and_the_audit_until_it_is_back()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3400, Kind = "port" });
        Assert.Equal("present", (await unit.GetAsync()).Mains);

        LockView cut = await unit.SetMainsAsync(false);
        Assert.Equal("lost", cut.Mains);
        // The unit counts the change only once it has held for 2 s.
        Assert.DoesNotContain("MainsLost", cut.Warnings!.Names);
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(3));

        LockView lost = await unit.GetAsync();
        Assert.Equal(0x100, lost.Warnings!.Bits & 0x100);
        Assert.Contains("MainsLost", lost.Warnings.Names);

        PhoneResult status = await unit.Phone(await server.StaffAsync(3400)).StatusAsync();
        Assert.Equal(0x100, status.Status!.Warnings.Bits & 0x300);
        Assert.Contains("MainsLost", status.Status.Warnings.Names);
        Assert.DoesNotContain("BackupLow", status.Status.Warnings.Names);

        FleetEvent warned = await server.Client.WaitForEventAsync(e => e.Kind == "warnings" && e.Names != null && e.Names.Contains("MainsLost"), TimeSpan.Zero);
        Assert.Equal(3400u, warned.LockId);

        await unit.SetMainsAsync(true);
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(3));
        LockView back = await unit.GetAsync();
        Assert.Equal(("present", 0), (back.Mains, back.Warnings!.Bits & 0x100));
        string[] events = (await unit.AuditAsync()).Records.Select(r => r.Event).ToArray();
        Assert.True(Array.IndexOf(events, "MainsLost") >= 0 && Array.IndexOf(events, "MainsLost") < Array.IndexOf(events, "MainsRestored"));
    }

    [Fact]
    public async Task A_low_backup_on_mains_shows_as_BackupLow_and_not_as_the_unit_about_to_become_unavailable()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3401, Kind = "port", Battery = "low" });
        // The self-test's load measures the pack.
        await unit.PressButtonAsync();
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(10));

        PhoneResult status = await unit.Phone(await server.StaffAsync(3401)).StatusAsync();
        Assert.Equal("Low", status.Status!.BatteryLevel);
        Assert.Equal(0x200, status.Status.Warnings.Bits & 0x303);
        Assert.Equal(["BackupLow"], status.Status.Warnings.Names.Where(n => n is "BackupLow" or "MainsLost" or "BatteryAboutToBeUnavailable"));
        Assert.Contains("BackupLow", (await unit.GetAsync()).Warnings!.Names);
    }

    [Fact]
    public async Task A_door_unit_has_no_mains_to_cut_the_request_is_400_and_changes_nothing()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3402 });
        LockView before = await door.GetAsync();
        Assert.Null(before.Mains);

        var (status, type, problem) = await server.SendAsync(HttpMethod.Put, "/locks/3402/mains", """{"present":false}""");
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("only a port or laundry unit has a mains supply", problem.GetProperty("detail").GetString());
        LockView after = await door.GetAsync();
        Assert.Equal((before.Mains, before.Warnings!.Bits, before.State), (after.Mains, after.Warnings!.Bits, after.State));

        var (missing, _, _) = await server.SendAsync(HttpMethod.Put, "/locks/3402/mains", "{}");
        Assert.Equal(400, missing);
    }

    [Fact]
    public async Task An_unlock_with_the_supply_cut_is_answered_NoStrikeSupply_and_the_openapi_result_enum_names_it()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock unit = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3403, Kind = "port" });
        await unit.SetMainsAsync(false);

        PhoneResult unlock = await unit.Phone(await server.StaffAsync(3403)).UnlockAsync();

        Assert.Equal("NoStrikeSupply", unlock.Result);
        Assert.Equal("engaged", (await unit.GetAsync()).Strike);
        Assert.Contains((await unit.AuditAsync()).Records, r => r.Event == "Command" && r.Result == "NoStrikeSupply");
        using JsonDocument document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        JsonElement results = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("PhoneResult")
            .GetProperty("properties").GetProperty("result");
        Assert.Contains("NoStrikeSupply", results.ToString());
    }

    [Fact]
    public async Task The_openapi_document_names_every_warning_of_both_bytes_and_the_mains_states()
    {
        await using TestServer server = await TestServer.StartAsync();
        using JsonDocument document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        JsonElement schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        string[] names = schemas.GetProperty("WarningsView").GetProperty("properties").GetProperty("names").GetProperty("items")
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(["BatteryUnavailable", "BatteryAboutToBeUnavailable", "NeedsImmediateVerification", "NeedsCriticalSoftwareUpdate",
            "BatteryNotVerified", "Tamper", "MemoryReset", "MainsLost", "BackupLow"], names);
        JsonElement mains = schemas.GetProperty("LockView").GetProperty("properties").GetProperty("mains");
        Assert.Equal(["present", "lost"], mains.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("setMains", document.RootElement.GetProperty("paths").GetProperty("/locks/{id}/mains").GetProperty("put").GetProperty("operationId").GetString());
    }
}
