using LockFirmware.Ble;
using LockSimulator.Tracing;

namespace LockSimulator.Scenarios;

/// <summary>
/// A building's entrance with a port unit: a staff phone releases the strike and the door's
/// opening and closing ends the release early; a release nobody uses ends at its time; an
/// unlock during a release restarts that time (never past StrikeSettings.MaxContinuousReleaseMs
/// from the release's start); a push while the strike holds gets nobody in;
/// a door left open raises the held-open alarm until it closes; then the push-button
/// self-test, as on a door unit.
/// </summary>
public static class PortDemoScenario
{
    /// <summary>The release the door cycle ends early.</summary>
    public const long EntryUnlockAt = 1_000;

    /// <summary>The release nobody uses: a second unlock 2 s later restarts its time, and it ends 5 s after that one.</summary>
    public const long UnusedUnlockAt = 8_000;

    /// <summary>The release after which the door stays open past its held-open time.</summary>
    public const long HeldOpenUnlockAt = 20_000;

    /// <summary>How long the door stands open in the held-open part.</summary>
    public const long HeldOpenForMs = 70_000;

    public const long ButtonAt = 100_000;

    public const long EndAt = 125_000;

    public static SimulatedLock Run(LockSetup setup)
    {
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);

        phone.Send(EntryUnlockAt, Opcode.Unlock);
        PushDoor(sim, EntryUnlockAt + 1_200, openForMs: 2_000);

        phone.Send(UnusedUnlockAt, Opcode.Unlock);
        phone.Send(UnusedUnlockAt + 2_000, Opcode.Unlock);
        PushDoor(sim, 16_000, openForMs: 2_000);

        phone.Send(HeldOpenUnlockAt, Opcode.Unlock);
        PushDoor(sim, HeldOpenUnlockAt + 1_000, openForMs: HeldOpenForMs);

        sim.PressButton(ButtonAt);
        phone.Send(ButtonAt + 22_000, Opcode.Status);
        sim.RunUntil(EndAt);
        return sim;
    }

    /// <summary>Someone pushes the door at <paramref name="timeMs"/>: it opens only if the strike's keeper lets the latch pass, and closes again after <paramref name="openForMs"/>.</summary>
    public static void PushDoor(SimulatedLock sim, long timeMs, long openForMs) => sim.At(timeMs, () =>
    {
        if (sim.Strike!.KeeperFree(sim.Now))
        {
            sim.Door(sim.Now, true);
            sim.Door(sim.Now + openForMs, false);
        }
        else
        {
            sim.Trace.Log(sim.Now, Signals.Door, "pushed: held shut by the strike");
        }
    });
}
