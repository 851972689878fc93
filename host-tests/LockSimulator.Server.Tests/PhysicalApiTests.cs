using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>The physical world around a lock: button, battery, door, jam, friction, motor fault, power.</summary>
public class PhysicalApiTests
{
    [Fact]
    public async Task The_button_runs_the_self_test_with_its_leds_and_a_replaced_depleted_battery_shows_none()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock good = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3001 });
        await good.PressButtonAsync();
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BatteryGood", (await good.GetAsync()).LastSelfTest);
        FleetEvent[] events = (await server.Client.EventsAsync()).Events;
        Assert.Contains(events, e => e.Kind == "led.green" && e.Value == "1");
        Assert.Contains(events, e => e.Kind == "led.red" && e.Value == "1");
        Assert.Contains(events, e => e.Kind == "button" && e.Value == "1");

        LockView replaced = await good.ReplaceBatteryAsync("depleted");
        Assert.Equal("depleted", replaced.BatteryPreset);
        await good.PressButtonAsync();
        await server.Client.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BatteryDepleted", (await good.GetAsync()).LastSelfTest);
    }

    [Fact]
    public async Task A_jam_ends_in_Jammed_with_its_alarm_and_after_clearing_it_the_next_unlock_recovers()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3002 });
        SimulatorPhone phone = door.Phone(await server.StaffAsync(3002));
        await door.JamAsync(0.4);
        PhoneResult jammed = await phone.UnlockAsync();
        Assert.Equal("Jammed", jammed.Lock.State);
        Assert.Equal("JammedWhileUnlocking", jammed.Lock.Alarm);
        FleetEvent alarm = await server.Client.WaitForEventAsync(e => e.Kind == "alarm" && e.Value == "JammedWhileUnlocking", TimeSpan.Zero);
        Assert.Equal(3002u, alarm.LockId);

        await door.ClearJamAsync();
        Assert.Equal("Unlocked", (await phone.UnlockAsync()).Lock.State);
    }

    [Fact]
    public async Task Stiff_door_open_circuit_door_and_power_are_applied_and_reported()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3003 });
        Assert.Equal(2.0, (await door.SetFrictionAsync(2.0)).FrictionFactor);
        Assert.True((await door.SetDoorAsync(open: true)).DoorOpen);
        Assert.Contains((await server.Client.EventsAsync()).Events, e => e.Kind == "door" && e.Value == "open");

        await door.SetMotorOpenCircuitAsync(true);
        PhoneResult broken = await door.Phone(await server.StaffAsync(3003)).UnlockAsync();
        Assert.Equal("OpenCircuit", broken.Lock.Alarm);

        LockView off = await door.SetPowerAsync(false);
        Assert.Equal("NoPower", off.State);
        Assert.False(off.Powered);
        LockView on = await door.SetPowerAsync(true);
        Assert.True(on.Powered);
        Assert.Equal(new[] { "1", "0", "1" }, (await server.Client.EventsAsync()).Events.Where(e => e.Kind == "power").Select(e => e.Value));
    }

    [Fact]
    public async Task A_hang_injected_mid_move_is_stopped_by_the_guard_and_a_bad_kind_is_refused()
    {
        await using TestServer server = await TestServer.StartAsync();
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 3005 });
        HttpResponseMessage bad = await server.Http.PostAsJsonAsync("/locks/3005/fault", new { kind = "meltdown", ms = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        HttpResponseMessage injected = await server.Http.PostAsJsonAsync("/locks/3005/fault", new { kind = "hang", ms = 1500, afterMs = 300 });
        Assert.Equal(HttpStatusCode.OK, injected.StatusCode);
        PhoneResult cut = await door.Phone(await server.StaffAsync(3005)).UnlockAsync();
        Assert.Equal("Guard", cut.Lock.Alarm);
        Assert.Equal("Unknown", cut.Lock.State);
    }
}
