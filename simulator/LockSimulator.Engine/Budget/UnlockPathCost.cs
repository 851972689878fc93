using System.Collections.Generic;

namespace LockSimulator.Budget;

/// <summary>Device work of a stage that is not the interpreter's: each has its own figure in <see cref="BoardBudget"/>.</summary>
public enum StageDeviceWork
{
    None,
    BleWriteDispatch,
    FlashPageProgram,
    Notify,
}

/// <summary>
/// One stage of the unlock path on the device: what its managed code does, counted from the
/// code (managed calls, simple IL instructions, native calls, allocations, HMACs), the device
/// work beside it, and what was counted.
/// </summary>
public sealed record UnlockStage(string Name, int Calls, int Il, int Native, int Allocations, int Hmacs, StageDeviceWork Device, string Counted)
{
    /// <summary>The interpreter's time for the stage: calls, IL, native calls and allocations, without the HMACs and the device work.</summary>
    public double InterpretedMicros(BoardBudget b) =>
        Calls * b.ManagedCallMicros + Il * b.IlInstructionMicros + Native * b.InternalCallMicros + Allocations * b.AllocationMicros;

    /// <summary>The device work beside the interpreter (write dispatch, page program or notify).</summary>
    public double DeviceWorkMicros(BoardBudget b) => Device switch
    {
        StageDeviceWork.BleWriteDispatch => b.BleWriteDispatchMicros,
        StageDeviceWork.FlashPageProgram => b.FlashPageProgramMicros,
        StageDeviceWork.Notify => b.NotifyMicros,
        _ => 0,
    };

    /// <summary>The stage's whole device time.</summary>
    public double Micros(BoardBudget b) => InterpretedMicros(b) + Hmacs * b.HmacMicros + DeviceWorkMicros(b);
}

/// <summary>
/// The unlock path's device time, stage by stage, for one 13-byte final write of an Unlock on
/// an idle lock: the one model that the benchmarks' <c>--device-time</c> estimate prints and the
/// simulator's device timing charges (BoardScheduler, TimedMotor, TimedFiles, TimedBle). Counts
/// are read from the code of the path (the ESP32 adapter, the core, nanoFramework's native HMAC
/// wrapper). A byte copied in a managed loop would count as 5 IL instructions; the path's copies
/// are native Array.Copy calls (one native call each), as in the firmware since 2026-12-01.
/// </summary>
public static class UnlockPathCost
{
    /// <summary>The managed WriteRequested handler, run for every BLE write.</summary>
    public static UnlockStage WriteHandler { get; } = new("BLE write to the handler", 8, 55, 7, 5, 0, StageDeviceWork.BleWriteDispatch,
        "GattLockService.OnCommandWritten: GetRequest, Value, DataReader, ReadBytes into a new array, Post (13-byte Array.Copy), Respond, Wake");

    /// <summary>Appending the command's audit record.</summary>
    public static UnlockStage AuditRecord { get; } = new("audit record", 12, 520, 1, 0, 0, StageDeviceWork.FlashPageProgram,
        "AuditLog.Append: 32-byte record, CRC-32 over 28 bytes, one page program (LittleFS overhead not counted)");

    /// <summary>Building, authenticating and sending the answer.</summary>
    public static UnlockStage Answer { get; } = new("answer", 10, 130, 5, 2, 1, StageDeviceWork.Notify,
        "response header, MacInput (two Array.Copy), NativeMac (13 bytes in, 32 out, Array.Copy), 8 MAC bytes, NoticeSender.Send, notify");

    /// <summary>The dispatcher's stages from its wake to the motor start, after the write handler.</summary>
    public static IReadOnlyList<UnlockStage> DispatcherToMotor { get; } =
    [
        new("dispatcher wakes, queue take", 6, 45, 2, 0, 0, StageDeviceWork.None, "WaitOne returns, Process, InputQueue.Take (13-byte Array.Copy)"),
        new("fragment reassembly", 3, 50, 1, 0, 0, StageDeviceWork.None, "FragmentAssembler.Add: header checks, 12-byte Array.Copy"),
        new("command authentication", 10, 140, 4, 2, 1, StageDeviceWork.None,
            "MacInput (8-byte label + 4 bytes, two Array.Copy), NativeMac: 12 bytes in and 32 out by Array.Copy, HMACSHA256.HashData; ConstantTime 8 bytes; counter"),
        new("policy and motor start", 12, 240, 4, 0, 0, StageDeviceWork.None, "battery policy, rest sample (ADC read), MotorController.Request, PWM duty, two bridge outputs"),
    ];

    /// <summary>From the final write reaching the chip to the motor start.</summary>
    public static IReadOnlyList<UnlockStage> ToMotor { get; } = [WriteHandler, .. DispatcherToMotor];

    /// <summary>After the motor start, in the same round.</summary>
    public static IReadOnlyList<UnlockStage> AfterMotor { get; } = [AuditRecord, Answer];

    /// <summary>Device time from the final write reaching the chip to the motor start.</summary>
    public static double ToMotorMicros(BoardBudget b) => Total(ToMotor, b, interpretedOnly: false);

    /// <summary>Device time of the stages after the motor start.</summary>
    public static double AfterMotorMicros(BoardBudget b) => Total(AfterMotor, b, interpretedOnly: false);

    /// <summary>
    /// The dispatcher's interpreted work before a motor start, its HMAC excluded (the MAC port
    /// charges that): what the device timing charges as the motor is started.
    /// </summary>
    public static double DispatcherToMotorInterpretedMicros(BoardBudget b) => Total(DispatcherToMotor, b, interpretedOnly: true);

    /// <summary>The write handler's time: the dispatch and its managed code.</summary>
    public static double WriteHandlerMicros(BoardBudget b) => WriteHandler.Micros(b);

    // A loop in list order, as Enumerable.Sum adds (the same double), without a closure per call: the device timing asks on every motor start.
    private static double Total(IReadOnlyList<UnlockStage> stages, BoardBudget b, bool interpretedOnly)
    {
        double sum = 0;
        for (int i = 0; i < stages.Count; i++)
        {
            sum += interpretedOnly ? stages[i].InterpretedMicros(b) : stages[i].Micros(b);
        }

        return sum;
    }
}
