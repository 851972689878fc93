using System.Linq;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>A backend's whole scenario with the client library, as an integrator would write it.</summary>
public class ClientScenarioTests
{
    [Fact]
    public async Task Issue_a_credential_unlock_see_the_audit_at_the_webhook_drain_the_battery_and_see_the_warning()
    {
        await using WebhookSink backend = await WebhookSink.StartAsync();
        await using SimulatorClient sim = await SimulatorClient.StartInProcessAsync(seed: 7);
        SimulatorLock door = await sim.CreateLockAsync(new CreateLockRequest { LockId = 1001 });
        await sim.SetWebhookAsync(backend.Url);

        CredentialView staff = await sim.IssueCredentialAsync(new CredentialRequest { LockId = 1001, KeyId = 7, UserId = 42 });
        PhoneResult unlock = await door.Phone(staff).UnlockAsync();
        Assert.Equal("Ok", unlock.Result);
        Assert.Equal("Unlocked", unlock.Lock.State);

        await door.Phone(staff).SyncAsync();
        WebhookPayload upload = await backend.NextAsync();
        Assert.Contains(upload.Records!, r => r.Event == "Command" && r.Detail == "Unlock" && r.UserId == 42);

        await door.ReplaceBatteryAsync("low");
        await door.PressButtonAsync();
        FleetEvent warning = await sim.WaitForEventAsync(
            e => e.LockId == 1001 && e.Kind == "warnings" && e.Names!.Contains("BatteryAboutToBeUnavailable"),
            virtualTimeout: System.TimeSpan.FromSeconds(30));
        Assert.Equal(0x02, System.Convert.ToInt32(warning.Value, 16) & 0x02);
        Assert.Equal("Low", (await door.GetAsync()).BatteryLevel);
    }
}
