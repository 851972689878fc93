using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;

namespace LockFirmware.HostTests;

/// <summary>Issue 3's soft start: with PWM the battery sees a gentler inrush, and the move still completes.</summary>
public class SoftStartTests
{
    private static double SagAtStart(int softStartMs)
    {
        var settings = new LockSettings { Motor = new MotorSettings { SoftStartMs = softStartMs } };
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0, Settings = settings });
        SimulatedPhone.Staff(sim).Send(1_000, Opcode.Unlock);
        sim.RunUntil(1_000);
        double rest = sim.Physics.TerminalVolts;
        double lowest = rest;
        for (long t = 1_001; t <= 1_060; t++)
        {
            sim.RunUntil(t);
            lowest = System.Math.Min(lowest, sim.Physics.TerminalVolts);
        }

        sim.RunFor(5_000);
        Assert.Equal(LockState.Unlocked, sim.Core.State);
        return rest - lowest;
    }

    [Fact]
    public void Soft_start_cuts_the_inrush_sag_and_still_completes()
    {
        double hard = SagAtStart(0);
        double soft = SagAtStart(60);
        Assert.True(soft < hard * 0.6, $"sag with soft start {soft:F3} V, without {hard:F3} V");
    }
}
