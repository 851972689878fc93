using LockFirmware.Ble;

namespace LockSimulator.Scenarios;

/// <summary>
/// The walking skeleton's real path: a phone unlocks and locks a lock over its BLE command
/// frame, then a care worker presses the push button for the LED self-test.
/// </summary>
public static class DemoScenario
{
    /// <summary>When the hang of <see cref="Run"/>'s fault part begins, and how long it lasts.</summary>
    public const long HangAt = 50_400;
    public const long HangMs = 1_500;

    /// <param name="withHang">Also lock at 50 s with the managed code hanging mid-move, and lock again at 56 s.</param>
    public static SimulatedLock Run(LockSetup setup, bool withHang = false)
    {
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(1_000, Opcode.Unlock);
        phone.Send(5_000, Opcode.Lock);
        phone.Send(9_000, Opcode.Status);
        sim.PressButton(10_000);

        // A door that sticks: something blocks the thumb-turn at 40 % of its travel.
        sim.At(25_000, () => sim.Physics.JamAt = 0.4 * setup.Motor.TravelRadians);
        phone.Send(25_000, Opcode.Unlock);
        // The obstacle is cleared; the next unlock reaches the end stop and clears the jam.
        sim.At(45_000, () => sim.Physics.JamAt = null);
        phone.Send(45_000, Opcode.Unlock);
        if (!withHang)
        {
            sim.RunUntil(50_000);
            return sim;
        }

        // The lock logic hangs mid-move: the guard stops the motor; the next lock recovers.
        phone.Send(50_000, Opcode.Lock);
        sim.InjectHang(HangAt, HangMs);
        phone.Send(56_000, Opcode.Lock);
        phone.Send(60_000, Opcode.Status);
        sim.RunUntil(61_000);
        return sim;
    }
}
