using LockFirmware.Battery;

namespace LockFirmware.HostTests;

/// <summary>Issue 4: the battery classes, their hysteresis, and each gas-risk cause, on exact samples.</summary>
public class BatteryMonitorTests
{
    private static readonly BatteryProfile Profile = new();

    /// <summary>A load test with the reference current: rest, then loaded.</summary>
    private static BatteryLevel Load(BatteryMonitor monitor, int restMillivolts, int loadedMillivolts)
    {
        monitor.OnRestSample(restMillivolts);
        return monitor.OnLoadSample(loadedMillivolts, Profile.ReferenceLoadMilliamps);
    }

    [Theory]
    [InlineData(7300, 7250, BatteryLevel.Good)]
    [InlineData(6500, 6300, BatteryLevel.Low)]
    [InlineData(5800, 5500, BatteryLevel.Critical)]
    public void The_voltage_under_the_reference_load_sets_the_level(int rest, int loaded, BatteryLevel expected)
    {
        Assert.Equal(expected, Load(new BatteryMonitor(Profile), rest, loaded));
    }

    [Fact]
    public void A_heavier_load_is_judged_at_the_reference_load_so_the_motor_and_self_test_agree()
    {
        var monitor = new BatteryMonitor(Profile);
        monitor.OnRestSample(7300);
        // 450 mA through 1 Ω sags 450 mV; at 150 mA it would be 150 mV: 7150 mV, Good.
        Assert.Equal(BatteryLevel.Good, monitor.OnLoadSample(6850, 450));
        Assert.Equal(1000, monitor.ResistanceMilliohms);
    }

    [Fact]
    public void Worse_news_is_taken_at_once_better_news_only_with_margin()
    {
        var monitor = new BatteryMonitor(Profile);
        Assert.Equal(BatteryLevel.Low, Load(monitor, 6400, 6350));
        Assert.Equal(BatteryLevel.Low, Load(monitor, 6500, 6450));   // above the limit, inside the margin
        Assert.Equal(BatteryLevel.Good, Load(monitor, 6600, 6560));  // clear of it
        Assert.Equal(BatteryLevel.Low, Load(monitor, 6450, 6390));   // straight back down
    }

    [Fact]
    public void Over_discharge_under_load_is_a_gas_risk()
    {
        var monitor = new BatteryMonitor(Profile);
        Assert.Equal(BatteryLevel.Depleted, Load(monitor, 4300, 3900));
        Assert.Equal(GasRiskCause.OverDischarged, monitor.GasRisk);
    }

    [Fact]
    public void A_pack_resistance_that_betrays_an_empty_cell_is_a_gas_risk_even_above_the_cut_off()
    {
        var monitor = new BatteryMonitor(Profile);
        monitor.OnRestSample(5600);
        Assert.Equal(BatteryLevel.Depleted, monitor.OnLoadSample(4700, 150)); // 6 Ω
        Assert.Equal(GasRiskCause.CellReversal, monitor.GasRisk);
    }

    [Fact]
    public void A_high_resistance_with_a_good_voltage_is_not_a_gas_risk()
    {
        var monitor = new BatteryMonitor(Profile);
        monitor.OnRestSample(9000);
        monitor.OnLoadSample(8000, 150); // 6.7 Ω, but the voltage stays far above Low
        Assert.Equal(GasRiskCause.None, monitor.GasRisk);
    }

    [Fact]
    public void A_voltage_that_does_not_recover_after_the_load_is_a_gas_risk()
    {
        var monitor = new BatteryMonitor(Profile);
        Load(monitor, 6000, 5700);
        Assert.Equal(GasRiskCause.None, monitor.GasRisk);
        Assert.Equal(BatteryLevel.Depleted, monitor.OnRecoverySample(5650));
        Assert.Equal(GasRiskCause.NoRecovery, monitor.GasRisk);
    }

    [Fact]
    public void A_voltage_that_recovers_is_not_a_gas_risk()
    {
        var monitor = new BatteryMonitor(Profile);
        Load(monitor, 7300, 7000);
        Assert.Equal(BatteryLevel.Good, monitor.OnRecoverySample(7250));
        Assert.Equal(GasRiskCause.None, monitor.GasRisk);
    }

    [Fact]
    public void Gas_risk_is_latched_until_a_new_battery_is_fitted()
    {
        var monitor = new BatteryMonitor(Profile);
        Load(monitor, 4300, 3900);
        Assert.Equal(BatteryLevel.Depleted, Load(monitor, 7300, 7250));
        Assert.Equal(GasRiskCause.OverDischarged, monitor.GasRisk);

        monitor.OnBatteryReplaced();
        Assert.Equal(BatteryLevel.Good, Load(monitor, 7300, 7250));
        Assert.Equal(GasRiskCause.None, monitor.GasRisk);
    }

    [Fact]
    public void Consumed_charge_counts_moves_and_idle_time_and_restarts_with_a_new_battery()
    {
        var monitor = new BatteryMonitor(Profile);
        monitor.RestoreConsumed(10, 0);
        for (int i = 0; i < 3600; i++)
        {
            monitor.OnMoveCharge(500, 2_000); // 3600 moves of 2 s at 500 mA: 1000 mAh
        }

        monitor.AccountIdle(36_000_000); // 10 h at 100 µA: 1 mAh
        Assert.Equal(10 + 1000 + 1, monitor.ConsumedMilliampHours);
        monitor.OnBatteryReplaced();
        Assert.Equal(0, monitor.ConsumedMilliampHours);
    }
}
