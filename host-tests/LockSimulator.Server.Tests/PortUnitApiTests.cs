using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>Port and laundry units over HTTP (issue 21): created one by one and in bulk, and their status says what a strike unit is doing.</summary>
public class PortUnitApiTests
{
    [Theory]
    [InlineData("door", null)]
    [InlineData("port", "engaged")]
    [InlineData("laundry", "engaged")]
    public async Task Locks_created_in_bulk_are_of_the_kind_asked_for(string kind, string? strike)
    {
        await using TestServer server = await TestServer.StartAsync();
        var (status, _, _) = await server.SendAsync(HttpMethod.Post, "/locks/bulk", $$"""{"firstLockId":3000,"count":3,"kind":"{{kind}}"}""");
        Assert.Equal(201, status);
        foreach (uint id in new uint[] { 3000, 3001, 3002 })
        {
            LockView view = await server.Client.Lock(id).GetAsync();
            Assert.Equal((kind, strike), (view.Kind, view.Strike));
        }
    }

    [Fact]
    public async Task A_bulk_creation_without_a_kind_makes_door_units_and_an_unknown_kind_creates_nothing()
    {
        await using TestServer server = await TestServer.StartAsync();
        var (bad, type, problem) = await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":3100,"count":5,"kind":"garage"}""");
        Assert.Equal(400, bad);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("kind must be door, port or laundry", problem.GetProperty("detail").GetString());
        Assert.Equal(0, server.Fleet.Count);

        await server.SendAsync(HttpMethod.Post, "/locks/bulk", """{"firstLockId":3100,"count":2}""");
        Assert.Equal("door", (await server.Client.Lock(3101).GetAsync()).Kind);
    }

    [Fact]
    public async Task A_port_unit_shows_its_kind_strike_door_contact_and_held_open_alarm()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3200, Kind = "port" });
        SimulatorLock unit = server.Client.Lock(3200);
        SimulatorPhone phone = unit.Phone(await server.StaffAsync(3200));

        PhoneResult status = await phone.StatusAsync();
        Assert.Equal("port", status.Status!.Kind);

        Assert.Equal("Ok", (await phone.UnlockAsync()).Result);
        LockView released = await unit.GetAsync();
        Assert.Equal(("Unlocked", "released"), (released.State, released.Strike));

        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(6));
        LockView engaged = await unit.GetAsync();
        Assert.Equal(("Locked", "engaged", "None"), (engaged.State, engaged.Strike, engaged.Alarm));

        // Someone leaves from the inside and the door is left standing open.
        Assert.True((await unit.SetDoorAsync(true)).DoorOpen);
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(61));
        LockView heldOpen = await unit.GetAsync();
        Assert.Equal(("DoorHeldOpen", true), (heldOpen.Alarm, heldOpen.DoorOpen));
        Assert.Contains((await unit.AuditAsync()).Records, r => r.Event == "DoorHeldOpen");

        await unit.SetDoorAsync(false);
        Assert.Equal("None", (await unit.GetAsync()).Alarm);
    }

    [Fact]
    public async Task A_door_unit_s_status_says_door_and_shows_no_strike()
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3300 });
        PhoneResult status = await server.Client.Lock(3300).Phone(await server.StaffAsync(3300)).StatusAsync();
        Assert.Equal("door", status.Status!.Kind);
        Assert.Null((await server.Client.Lock(3300).GetAsync()).Strike);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_kinds_with_an_example()
    {
        await using TestServer server = await TestServer.StartAsync();
        using JsonDocument document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        JsonElement schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (string schema in new[] { "CreateLockRequest", "CreateLocksRequest", "LockView", "StatusView" })
        {
            JsonElement kind = schemas.GetProperty(schema).GetProperty("properties").GetProperty("kind");
            Assert.Equal(["door", "port", "laundry"], kind.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("port", kind.GetProperty("description").GetString());
            Assert.Equal("port", kind.GetProperty("example").GetString());
        }

        JsonElement strike = schemas.GetProperty("LockView").GetProperty("properties").GetProperty("strike");
        Assert.Equal(["released", "engaged"], strike.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
