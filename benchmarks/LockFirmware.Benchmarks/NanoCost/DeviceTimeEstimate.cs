using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LockSimulator.Budget;

namespace LockFirmware.Benchmarks.NanoCost;

/// <summary>
/// <c>--device-time</c>: an estimate of the unlock path's time on the device, printed from the
/// stages of <see cref="UnlockPathCost"/> (the counts the simulator's device timing charges too)
/// priced with the interpreter cost table in BoardBudget.
/// </summary>
public static class DeviceTimeEstimate
{
    public static int Run(TextWriter output)
    {
        BoardBudget b = BoardBudget.For(Chip.Esp32C3, ImageProfile.LowPower);
        IReadOnlyList<UnlockStage> toMotor = UnlockPathCost.ToMotor;
        IReadOnlyList<UnlockStage> answer = UnlockPathCost.AfterMotor;

        output.WriteLine("Device time of the unlock path, estimated (ESP32-C3 at 160 MHz, nanoFramework interpreter; cost table in BoardBudget)");
        output.WriteLine();
        output.WriteLine("| Stage | Calls | IL instr. | Native calls | Allocations | HMACs | Device time (µs) |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        double toMotorMicros = Print(toMotor, b, output);
        output.WriteLine($"| **write to motor start** | | | | | | **{Format(toMotorMicros)}** |");
        double answerMicros = Print(answer, b, output);
        output.WriteLine($"| **full round (with answer)** | | | | | | **{Format(toMotorMicros + answerMicros)}** |");
        output.WriteLine();
        output.WriteLine($"Cost table: IL instruction {b.IlInstructionMicros} µs, call {b.ManagedCallMicros} µs, native call {b.InternalCallMicros} µs, " +
            $"allocation {b.AllocationMicros} µs, HMAC-SHA256 {b.HmacMicros} µs, BLE write dispatch {b.BleWriteDispatchMicros} µs, " +
            $"notify {b.NotifyMicros} µs, page program {b.FlashPageProgramMicros} µs.");
        output.WriteLine("The production board's front end is already on while a phone is connected (Esp32/FrontEndWhileConnected.cs): no settling before the rest sample.");
        foreach (UnlockStage stage in toMotor)
        {
            output.WriteLine($"- {stage.Name}: {stage.Counted}");
        }

        foreach (UnlockStage stage in answer)
        {
            output.WriteLine($"- {stage.Name}: {stage.Counted}");
        }

        return 0;
    }

    private static double Print(IReadOnlyList<UnlockStage> stages, BoardBudget b, TextWriter output)
    {
        double total = 0;
        foreach (UnlockStage s in stages)
        {
            double micros = s.Micros(b);
            total += micros;
            output.WriteLine($"| {s.Name} | {s.Calls} | {s.Il} | {s.Native} | {s.Allocations} | {s.Hmacs} | {Format(micros)} |");
        }

        return total;
    }

    private static string Format(double micros) => micros.ToString("N0", CultureInfo.InvariantCulture);
}
