using System;
using LockFirmware.Ble;
using LockSimulator;
using LockSimulator.Budget;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 20: the simulator's device timing and the benchmarks' device-time estimate rest on one
/// model (UnlockPathCost), and the simulator is no kinder than it: from the final write reaching
/// the chip to the motor start it charges at least the estimate's time. Charged time is counted
/// by the scheduler, so GC pauses, ticks and the quantum (waits, not work) do not enter it.
/// </summary>
public class UnlockPathChargeTests
{
    private static readonly BoardBudget Budget = BoardBudget.For(Chip.Esp32C3, ImageProfile.LowPower);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_idle_lock_charges_at_least_the_estimate_from_the_final_write_to_the_motor_start(int seed)
    {
        AssertChargedAtLeastTheEstimate(UnitKind.Door, seed, Signals.Motor, "unlock");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_port_unit_charges_at_least_the_estimate_from_the_final_write_to_the_strike_release(int seed)
    {
        AssertChargedAtLeastTheEstimate(UnitKind.Port, seed, Signals.Strike, "released");
    }

    private static void AssertChargedAtLeastTheEstimate(UnitKind kind, int seed, string actuator, string starts)
    {
        var sim = new SimulatedLock(new LockSetup { Kind = kind, Timing = TimingProfile.Device, Seed = seed, StartFraction = 0, Budget = Budget });
        SimulatedPhone phone = Timings.WithSession(sim);
        const long commandAt = 3_000;
        long? atWrite = null;
        long? afterHandler = null;
        long? atMotorStart = null;
        sim.Trace.Added += e =>
        {
            if (sim.Now >= commandAt && atMotorStart == null && e.Signal == Signals.BleIn)
            {
                atWrite = sim.Scheduler.ChargedMicros;
            }
            else if (sim.Now >= commandAt && atMotorStart == null && e.Signal == actuator && e.Value.StartsWith(starts, StringComparison.Ordinal))
            {
                atMotorStart = sim.Scheduler.ChargedMicros;
            }
        };
        sim.Radio.WriteTaken += () => afterHandler ??= sim.Now >= commandAt ? sim.Scheduler.ChargedMicros : null;

        phone.Send(commandAt, Opcode.Unlock);
        sim.RunUntil(commandAt + 500);

        Assert.NotNull(atWrite);
        Assert.NotNull(atMotorStart);
        // Nothing else ran between the write's arrival and its handler: the count starts there.
        Assert.Equal(UnlockPathCost.WriteHandlerMicros(Budget), (double)(afterHandler! - atWrite!), 0);
        double charged = atMotorStart.Value - atWrite.Value;
        double estimate = UnlockPathCost.ToMotorMicros(Budget);
        Assert.True(charged >= estimate, $"charged {charged} µs before the {actuator} moved, the estimate is {estimate} µs");
    }
}
