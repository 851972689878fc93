using System;
using Xunit.Abstractions;
using LockFirmware.Status;
using LockSimulator;
using LockSimulator.Budget;
using LockSimulator.Physics;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>The power budget: the board's states cost what the budget says, and what follows for the battery.</summary>
public class PowerBudgetTests(ITestOutputHelper output)
{
    private const long DayMs = ReferenceUsage.DayMs;

    [Theory]
    [InlineData(Chip.Esp32C3, ImageProfile.LowPower)]
    [InlineData(Chip.Esp32S3, ImageProfile.LowPower)]
    [InlineData(Chip.Esp32C3, ImageProfile.Stock)]
    [InlineData(Chip.Esp32S3, ImageProfile.Stock)]
    public void The_firmware_s_idle_figure_for_each_image_is_the_budget_s(Chip chip, ImageProfile profile)
    {
        BoardBudget budget = BoardBudget.For(chip, profile);

        Assert.Equal((int)Math.Round(budget.RestPackMicroamps), SimulatedLock.IdleCurrentOf(budget));
    }

    [Fact]
    public void At_rest_the_board_draws_its_rest_current_and_more_while_a_phone_is_connected()
    {
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0 });
        // An app kept open: the link stays up after the answer until the phone hangs up.
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.StayConnected = true;
        sim.RunFor(1_000);
        double rest = sim.Physics.BoardAmps * 1e6;

        phone.Send(sim.Now, LockFirmware.Ble.Opcode.Status);
        sim.RunFor(100);
        double connected = sim.Physics.BoardAmps * 1e6;
        Assert.True(sim.Power.Connected);
        sim.Connected = null;
        sim.RunFor(sim.Power.Budget.ConnectionOverheadMs + 1_000);

        Assert.Equal(sim.Power.Budget.RestPackMicroamps, rest, 1);
        Assert.True(connected > 2 * rest, $"connected {connected:0} µA, at rest {rest:0} µA");
        Assert.False(sim.Power.Connected);
        Assert.Equal(rest, sim.Physics.BoardAmps * 1e6, 1);
    }

    [Theory]
    [InlineData(Chip.Esp32C3)]
    [InlineData(Chip.Esp32S3)]
    public void The_low_power_design_lasts_more_than_a_year_at_the_reference_usage(Chip chip)
    {
        var estimate = BatteryLifeEstimate.Run(BoardBudget.For(chip, ImageProfile.LowPower), BatteryParameters.Good, new ReferenceUsage());

        Assert.True(estimate.DaysToCritical > 365, $"{estimate.DaysToCritical:0} days");
        Assert.True(estimate.DaysToLow < estimate.DaysToCritical);
    }

    [Fact]
    public void The_stock_image_empties_the_pack_within_weeks()
    {
        var estimate = BatteryLifeEstimate.Run(BoardBudget.For(Chip.Esp32C3, ImageProfile.Stock), BatteryParameters.Good, new ReferenceUsage());

        Assert.True(estimate.DaysToCritical < 31, $"{estimate.DaysToCritical:0} days");
        Assert.True(estimate.AverageAmps > 0.01, $"{estimate.AverageAmps * 1e3:0.0} mA");
    }

    [Fact]
    public void The_firmware_s_consumed_charge_follows_what_the_pack_delivered()
    {
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0 });
        var usage = new ReferenceUsage();
        usage.Plan(sim, SimulatedPhone.Staff(sim, keyId: 7), SimulatedPhone.Staff(sim, keyId: 9, userId: 9_000), 0, 10, new Random(3));
        sim.RunUntil(10 * DayMs);
        sim.Core.Persist(); // books the idle time up to now

        double delivered = TotalCoulombs(sim) / 3.6;
        Assert.InRange(sim.Core.ConsumedMilliampHours, 0.85 * delivered, 1.15 * delivered);
    }

    [Fact]
    public void At_the_reference_usage_the_low_power_unit_warns_with_weeks_of_reserve_left()
    {
        // Just above the knee of the discharge curve, so the warning comes within days.
        var setup = new LockSetup { StartFraction = 0, Battery = BatteryParameters.Good with { StateOfCharge = 0.074 } };
        var sim = new SimulatedLock(setup);
        new ReferenceUsage().Plan(sim, SimulatedPhone.Staff(sim, keyId: 7), SimulatedPhone.Staff(sim, keyId: 9, userId: 9_000), 0, 29, new Random(5));
        int warnedOnDay = -1;
        int unavailableOnDay = -1;
        for (int day = 1; day <= 29 && unavailableOnDay < 0; day++)
        {
            sim.RunUntil(day * DayMs);
            if (warnedOnDay < 0 && (sim.Core.Warnings & Warnings.BatteryAboutToBeUnavailable) != 0)
            {
                warnedOnDay = day;
            }

            if ((sim.Core.Warnings & Warnings.BatteryUnavailable) != 0)
            {
                unavailableOnDay = day;
            }
        }

        output.WriteLine($"Low warning on day {warnedOnDay}, unavailable on day {unavailableOnDay}, consumed {sim.Core.ConsumedMilliampHours} mAh");
        Assert.True(warnedOnDay > 0, "no Low warning within 29 days");
        int reserveDays = (unavailableOnDay < 0 ? 29 : unavailableOnDay) - warnedOnDay;
        Assert.True(reserveDays >= 14, $"warned on day {warnedOnDay}, unavailable on day {unavailableOnDay}");
    }

    private static double TotalCoulombs(SimulatedLock sim)
    {
        double total = sim.Physics.MotorCoulombs + sim.Physics.TestLoadCoulombs;
        foreach (PowerState state in Enum.GetValues<PowerState>())
        {
            total += sim.Power.Coulombs(state);
        }

        return total;
    }
}
