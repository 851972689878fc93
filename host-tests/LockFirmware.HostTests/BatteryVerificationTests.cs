using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Status;
using LockSimulator;

namespace LockFirmware.HostTests;

/// <summary>The routine after a battery change: 5 locks and 5 unlocks with a healthy battery.</summary>
public class BatteryVerificationTests
{
    [Fact]
    public void Verified_only_after_five_healthy_locks_and_five_healthy_unlocks()
    {
        var verification = new BatteryVerification();
        for (int i = 0; i < 5; i++)
        {
            verification.OnCycle(locked: true, BatteryLevel.Good);
        }

        for (int i = 0; i < 4; i++)
        {
            verification.OnCycle(locked: false, BatteryLevel.Low);
        }

        Assert.False(verification.IsVerified);
        verification.OnCycle(locked: false, BatteryLevel.Good);
        Assert.True(verification.IsVerified);
    }

    [Theory]
    [InlineData(BatteryLevel.Critical)]
    [InlineData(BatteryLevel.Depleted)]
    public void Cycles_on_a_failing_battery_do_not_count(BatteryLevel level)
    {
        var verification = new BatteryVerification();
        for (int i = 0; i < 10; i++)
        {
            verification.OnCycle(locked: i % 2 == 0, level);
        }

        Assert.False(verification.IsVerified);
        Assert.Equal(0, verification.HealthyLocks + verification.HealthyUnlocks);
    }

    [Fact]
    public void A_new_change_starts_over()
    {
        var verification = new BatteryVerification();
        for (int i = 0; i < 10; i++)
        {
            verification.OnCycle(locked: i % 2 == 0, BatteryLevel.Good);
        }

        Assert.True(verification.IsVerified);
        verification.Start();
        Assert.False(verification.IsVerified);
        Assert.Equal(0, verification.HealthyLocks);
    }

    [Fact]
    public void A_simulated_lock_reports_the_battery_unverified_until_the_installer_runs_it_five_times_each_way()
    {
        var setup = new LockSetup { StartFraction = 0 };
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.RegisterBatteryChange);
        sim.RunFor(100);
        Assert.Equal(Warnings.BatteryNotVerified, sim.Core.Warnings);

        for (int i = 0; i < 5; i++)
        {
            phone.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(4_000);
            Assert.NotEqual(0, sim.Core.Warnings & Warnings.BatteryNotVerified);
            phone.Send(sim.Now, Opcode.Lock);
            sim.RunFor(4_000);
        }

        Assert.Equal(0, sim.Core.Warnings);
        Assert.True(sim.Core.BatteryVerification.IsVerified);
    }

    [Fact]
    public void A_new_battery_found_at_power_up_restarts_the_verification_the_same_one_does_not()
    {
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0, Battery = LockSimulator.Physics.BatteryParameters.Low });
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        for (int i = 0; i < 5; i++)
        {
            phone.Send(sim.Now, Opcode.Unlock);
            sim.RunFor(4_000);
            phone.Send(sim.Now, Opcode.Lock);
            sim.RunFor(4_000);
        }

        Assert.True(sim.Core.BatteryVerification.IsVerified);

        // The same battery out and back in: still verified.
        sim.CutPower(sim.Now);
        sim.RestorePower(sim.Now + 1_000);
        sim.RunFor(2_000);
        Assert.True(sim.Core.BatteryVerification.IsVerified);

        // A fresh battery: its level cannot be ensured until it has been run 5 + 5 times.
        sim.CutPower(sim.Now);
        sim.At(sim.Now + 500, () => sim.Physics.ReplaceBattery(LockSimulator.Physics.BatteryParameters.Good));
        sim.RestorePower(sim.Now + 1_000);
        sim.RunFor(2_000);
        Assert.False(sim.Core.BatteryVerification.IsVerified);
        Assert.NotEqual(0, sim.Core.Warnings & Warnings.BatteryNotVerified);
    }
}
