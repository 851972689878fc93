using LockFirmware.Ble;

namespace LockSimulator.Scenarios;

/// <summary>
/// The walking skeleton's real path: a phone unlocks and locks a lock over its BLE command
/// frame, then a care worker presses the push button for the LED self-test.
/// </summary>
public static class DemoScenario
{
    public static SimulatedLock Run(LockSetup setup)
    {
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        phone.Send(5_000, Opcode.Lock);
        phone.Send(9_000, Opcode.Status);
        sim.PressButton(10_000);
        sim.RunUntil(30_000);
        return sim;
    }
}
