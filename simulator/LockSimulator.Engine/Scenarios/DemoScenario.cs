using LockFirmware.Ble;
using LockSimulator.Faults;

namespace LockSimulator.Scenarios;

/// <summary>
/// The walking skeleton's real path: a phone unlocks and locks a lock over its BLE command
/// frame, then a care worker presses the push button for the LED self-test.
/// </summary>
public static class DemoScenario
{
    /// <summary>When the fault of <see cref="Run"/>'s fault part strikes: mid-way through the lock sent at 50 s.</summary>
    public const long FaultAt = 50_400;

    /// <summary>How long a hang, GC pause or flash commit lasts unless told otherwise.</summary>
    public const long FaultMs = 1_500;

    /// <param name="fault">Also lock at 50 s with this fault (FaultInjection's kinds) striking mid-move, then lock again at 56 s; null: no fault part.</param>
    public static SimulatedLock Run(LockSetup setup, string? fault = null, long faultMs = FaultMs)
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
        if (fault == null)
        {
            sim.RunUntil(50_000);
            return sim;
        }

        // The lock logic fails mid-move: the guard or the fault containment stops the motor;
        // the next lock recovers. A status read at the fault's instant makes a flash commit.
        phone.Send(50_000, Opcode.Lock);
        FaultInjection.Inject(sim, fault, FaultAt, faultMs);
        phone.Send(FaultAt, Opcode.Status);
        phone.Send(56_000, Opcode.Lock);
        phone.Send(60_000, Opcode.Status);
        sim.RunUntil(61_000);
        return sim;
    }
}
