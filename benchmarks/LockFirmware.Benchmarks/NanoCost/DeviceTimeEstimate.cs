using System.Globalization;
using System.IO;
using LockSimulator.Budget;

namespace LockFirmware.Benchmarks.NanoCost;

/// <summary>
/// <c>--device-time</c>: an estimate of the unlock path's time on the device, from counts of
/// the operations each stage performs (read from the code of the path: the ESP32 adapter,
/// the core and nanoFramework's native HMAC wrapper) priced with the interpreter cost table in
/// BoardBudget. The counts are for one 13-byte final write of an Unlock on an idle lock. A byte
/// copied in a managed loop is counted as 5 IL instructions; the path's copies are native
/// Array.Copy calls (one native call each), as in the firmware since 2026-12-01.
/// </summary>
public static class DeviceTimeEstimate
{
    /// <summary>One stage: managed calls, simple IL instructions, native calls, allocations, HMACs, other device work (µs).</summary>
    private sealed record Stage(string Name, int Calls, int Il, int Native, int Allocations, int Hmacs, double OtherMicros, string Counted);

    public static int Run(TextWriter output)
    {
        BoardBudget b = BoardBudget.For(Chip.Esp32C3, ImageProfile.LowPower);
        Stage[] toMotor =
        [
            new("BLE write to the handler", 8, 55, 7, 5, 0, b.BleWriteDispatchMicros,
                "GattLockService.OnCommandWritten: GetRequest, Value, DataReader, ReadBytes into a new array, Post (13-byte Array.Copy), Respond, Wake"),
            new("dispatcher wakes, queue take", 6, 45, 2, 0, 0, 0, "WaitOne returns, Process, InputQueue.Take (13-byte Array.Copy)"),
            new("fragment reassembly", 3, 50, 1, 0, 0, 0, "FragmentAssembler.Add: header checks, 12-byte Array.Copy"),
            new("command authentication", 10, 140, 4, 2, 1, 0,
                "MacInput (8-byte label + 4 bytes, two Array.Copy), NativeMac: 12 bytes in and 32 out by Array.Copy, HMACSHA256.HashData; ConstantTime 8 bytes; counter"),
            new("policy and motor start", 12, 240, 4, 0, 0, 0, "battery policy, rest sample (ADC read), MotorController.Request, PWM duty, two bridge outputs"),
        ];
        Stage[] answer =
        [
            new("audit record", 12, 520, 1, 0, 0, b.FlashPageProgramMicros, "AuditLog.Append: 32-byte record, CRC-32 over 28 bytes, one page program (LittleFS overhead not counted)"),
            new("answer", 10, 130, 5, 2, 1, b.NotifyMicros, "response header, MacInput (two Array.Copy), NativeMac (13 bytes in, 32 out, Array.Copy), 8 MAC bytes, NoticeSender.Send, notify"),
        ];

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
        foreach (Stage stage in toMotor)
        {
            output.WriteLine($"- {stage.Name}: {stage.Counted}");
        }

        foreach (Stage stage in answer)
        {
            output.WriteLine($"- {stage.Name}: {stage.Counted}");
        }

        return 0;
    }

    private static double Print(Stage[] stages, BoardBudget b, TextWriter output)
    {
        double total = 0;
        foreach (Stage s in stages)
        {
            double micros = s.Calls * b.ManagedCallMicros + s.Il * b.IlInstructionMicros + s.Native * b.InternalCallMicros
                + s.Allocations * b.AllocationMicros + s.Hmacs * b.HmacMicros + s.OtherMicros;
            total += micros;
            output.WriteLine($"| {s.Name} | {s.Calls} | {s.Il} | {s.Native} | {s.Allocations} | {s.Hmacs} | {Format(micros)} |");
        }

        return total;
    }

    private static string Format(double micros) => micros.ToString("N0", CultureInfo.InvariantCulture);
}
