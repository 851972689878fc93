using System;
using System.CommandLine;
using System.IO;
using LockSimulator.Budget;
using LockSimulator.CommandLine;
using LockSimulator.Physics;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>battery-life</c>: for product and support, the power budget of a chip and image, the
/// reference week run on the simulated unit, its average current, the pack's life and when
/// the back office's Low warning appears. Every figure comes from BoardBudget and the battery
/// model the simulator runs on (sources in hardware/power-budget.md). Exit 2 on bad arguments.
/// </summary>
public static class BatteryLifeCommand
{
    private const double DaysPerMonth = 365.25 / 12;

    /// <summary>The <c>battery-life</c> command's definition.</summary>
    public static Command Build()
    {
        Option<int> visits = OptionKinds.WholeNumber("--visits", "care visits a day, each an unlock and a lock", 4, 0, 50);
        Option<int> interval = OptionKinds.WholeNumber("--adv-interval-ms", "advertising interval of the low-power image (default: the budget's 1000 ms)", 1000, 20, 10_240);
        Option<string> profile = OptionKinds.Choice("--profile", "our low-power image (default) or nanoFramework's stock BLE image", "low-power", "stock");
        Option<string> pack = OptionKinds.Choice("--pack", "the battery pack (hardware/batteries/)", "li-socl2-2s");
        Option<string> chip = OptionKinds.Choice("--chip", "the chip (default c3)", "c3", "s3");
        var command = new NotedCommand(
            "battery-life",
            "power budget, average current and battery life at the reference usage",
            """
            Every figure comes from BoardBudget and the battery model the simulator runs on
            (sources in hardware/power-budget.md).

            Exit codes:
              0  the estimate was printed
              2  bad arguments

            """)
        {
            visits, interval, profile, pack, chip,
        };
        command.SetAction(result =>
        {
            ImageProfile image = result.GetValue(profile) == "stock" ? ImageProfile.Stock : ImageProfile.LowPower;
            bool intervalGiven = result.GetResult(interval) is { Implicit: false };
            if (intervalGiven && image == ImageProfile.Stock)
            {
                return SimulatorCommandLine.Refuse(result, "--adv-interval-ms needs --profile low-power: the stock image advertises at NimBLE's default");
            }

            Chip board = result.GetValue(chip) == "s3" ? Chip.Esp32S3 : Chip.Esp32C3;
            Estimate(board, image, intervalGiven ? result.GetValue(interval) : null, result.GetValue(visits), result.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Runs <c>battery-life</c> with <paramref name="args"/> (the words after <c>battery-life</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static void Estimate(Chip chip, ImageProfile profile, int? advertisingIntervalMs, int visits, TextWriter output)
    {
        BoardBudget power = BoardBudget.For(chip, profile, advertisingIntervalMs);
        var usage = new ReferenceUsage { VisitsPerDay = visits };
        BatteryLifeEstimate estimate = BatteryLifeEstimate.Run(power, BatteryParameters.Good, usage);
        PrintBudget(power, output);
        PrintDay(estimate, output);
        PrintLife(estimate, output);
    }

    private static void PrintBudget(BoardBudget b, TextWriter output)
    {
        string image = b.Profile == ImageProfile.LowPower
            ? "our low-power image on the production board (hardware/boards/production-board.md)"
            : "nanoFramework's stock BLE image on the bench board";
        output.WriteLine($"Power budget: {(b.Chip == Chip.Esp32C3 ? "ESP32-C3" : "ESP32-S3")}, {image}");
        output.WriteLine("  (chip figures at the 3.3 V rail; sources in hardware/power-budget.md)");
        Row(output, "chip floor between radio events", $"{b.IdleFloorMicroamps,9:N0} µA", b.Profile == ImageProfile.LowPower ? "light sleep, BLE kept, 32.768 kHz crystal" : "CPU awake, no power management");
        Row(output, "CPU working", $"{b.WorkingMicroamps,9:N0} µA", b.Profile == ImageProfile.LowPower ? "modem sleep (CPU on, radio off)" : "awake idle");
        Row(output, "radio TX/RX", $"{b.RadioMicroamps,9:N0} µA", "estimate, to be measured");
        Row(output, "advertising event", $"{b.AdvertisingEventMicrocoulombs,9:N0} µC", $"every {b.AdvertisingIntervalMs} ms: {b.AdvertisingMicroamps:N0} µA average");
        Row(output, "connection event", $"{b.ConnectionEventMicrocoulombs,9:N0} µC", $"every {b.ConnectionIntervalMs} ms while connected: {b.ConnectedMicroamps:N0} µA");
        Row(output, "CPU work per BLE write", $"{b.WorkPerWriteMs,9:N0} ms", "interpreter, HMACs, flash commit (estimate)");
        Row(output, "regulator efficiency", $"{b.RegulatorEfficiencyPermille / 10.0,9:N0} %", $"{b.RailMillivolts / 1000.0:0.0} V rail from a {b.PackMillivolts / 1000.0:0.0} V pack");
        Row(output, "board at rest (pack side)", $"{b.BoardStaticMicroamps,9:N1} µA", $"regulator {b.RegulatorQuiescentMicroamps:0.#} µA, bridge {b.BridgeIdleMicroamps:0.#} µA, divider {b.DividerIdleMicroamps:0.#} µA, amplifier {b.AmplifierIdleMicroamps:0.#} µA");
        Row(output, "unit at rest (pack side)", $"{b.RestPackMicroamps,9:N1} µA", "floor + advertising + board: the firmware's own idle figure");
        output.WriteLine();
    }

    private static void PrintDay(BatteryLifeEstimate e, TextWriter output)
    {
        ReferenceUsage u = e.Usage;
        output.WriteLine($"Reference day (a simulated week, averaged): {u.VisitsPerDay} visits with unlock and lock, " +
            $"{(u.HourlyStatus ? "an hourly status read" : "no status reads")}, {u.SelfTestsPerWeek} self-test a week");
        double total = 0;
        foreach (var (_, coulombs) in e.DailyCharge)
        {
            total += coulombs;
        }

        foreach (var (name, coulombs) in e.DailyCharge)
        {
            Row(output, name, $"{coulombs / 3.6,9:N2} mAh", $"{100 * coulombs / total,5:0.0} %");
        }

        Row(output, "total per day", $"{total / 3.6,9:N2} mAh", $"average {e.AverageAmps * 1e6:N0} µA from the pack");
        output.WriteLine();
    }

    private static void PrintLife(BatteryLifeEstimate e, TextWriter output)
    {
        BatteryParameters pack = e.Pack;
        output.WriteLine($"Pack li-socl2-2s: {pack.Cells} × {pack.CellCapacityAh:0.0} Ah spiral Li-SOCl2 in series, " +
            $"{e.UsableCapacityAh:0.00} Ah usable at this drain, self-discharge 1 %/year (hardware/batteries/li-socl2-2s.md)");
        output.WriteLine($"  Low warning (\"about to become unavailable\") at {e.LowAtStateOfCharge:P1} charge left: after {Span(e.DaysToLow)}");
        output.WriteLine($"  unavailable (Critical: locking refused) at {e.CriticalAtStateOfCharge:P1}: after {Span(e.DaysToCritical)}");
        output.WriteLine($"  reserve between the warning and unavailable: {Span(e.DaysToCritical - e.DaysToLow)}");
        output.WriteLine($"Estimated life: {e.DaysToCritical / DaysPerMonth:0.0} months ({e.DaysToCritical:N0} days)");
    }

    private static string Span(double days) => days >= 2 * DaysPerMonth
        ? $"{days / DaysPerMonth:0.0} months ({days:N0} days)"
        : $"{days / 7:0.0} weeks ({days:N1} days)";

    private static void Row(TextWriter output, string name, string value, string note) =>
        output.WriteLine($"  {name,-34} {value}   {note}");
}
