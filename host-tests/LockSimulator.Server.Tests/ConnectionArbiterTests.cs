using LockFirmware.Ble;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Phone;

namespace LockSimulator.Server.Tests;

/// <summary>Two phones of one lock that want it at the same virtual instant: the second waits for the lock's one connection.</summary>
public class ConnectionArbiterTests
{
    [Fact]
    public void Two_phones_in_the_same_instant_are_served_one_after_the_other()
    {
        var fleet = new LockFleet(seed: 3);
        FleetLock target = fleet.Create(new CreateLockRequest { LockId = 77 });
        SimulatedPhone staff = SimulatedPhone.Staff(target.Sim, keyId: 7, userId: 1);
        SimulatedPhone office = SimulatedPhone.Staff(target.Sim, keyId: 9, userId: 2);
        var link = new ConnectionArbiter(target);

        link.Send(staff, 1_000, Opcode.Unlock);
        link.Send(office, 1_000, Opcode.Status);
        fleet.Advance(60_000);

        Assert.Equal(1, link.Waits);
        Assert.Empty(staff.Refusals);
        Assert.Empty(office.Refusals);
        Assert.Equal(ResultCode.Ok, Assert.Single(staff.Responses).Result);
        Assert.Equal(ResultCode.Ok, Assert.Single(office.Responses).Result);
        Assert.True(office.Responses[0].Payload.Length > 0);
    }
}
