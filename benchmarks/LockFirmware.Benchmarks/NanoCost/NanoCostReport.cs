using System;
using System.Collections.Generic;
using System.IO;
using LockFirmware.Benchmarks.Rig;
using LockFirmware.Benchmarks.Suites;
using LockFirmware.Ble;
using LockFirmware.Motor;

namespace LockFirmware.Benchmarks.NanoCost;

/// <summary>
/// <c>--nano-cost</c>: what each stage of the unlock path allocates once the lock is warm,
/// measured with GC.GetAllocatedBytesForCurrentThread around the call. On the device every
/// allocation is garbage for a ~50 KB heap, so this is a proxy for its GC pressure. Also
/// averaged over many calls, which catches what allocates only now and then.
/// </summary>
public static class NanoCostReport
{
    /// <summary>Smallest object on a 64-bit host (header, method table, one field): bytes / 24 bounds the object count.</summary>
    private const int SmallestObjectBytes = 24;

    private const int WarmUpCalls = 20;
    private const int AveragedCalls = 1000;

    public static int Run(TextWriter output)
    {
        var stages = new StageBenchmarks();
        stages.Setup();
        var bench = new BenchLock();
        Action none = () => { };

        var rows = new List<StageCost>
        {
            Measure("Floor: HMAC of the command", none, () => stages.CommandMac(), none),
            Measure("Input queue post + take", none, () => stages.QueuePostTake(), none),
            Measure("Fragment reassembly", none, () => stages.Reassembly(), none),
            Measure("Command authentication", none, () => stages.Authentication(), none),
            Measure("Policy + motor request from idle", () => bench.MoveTo(LockState.Locked), () => bench.RequestMove(LockState.Unlocked), () => bench.CompleteMove(LockState.Unlocked)),
            Measure("Audit append", none, () => stages.AuditAppend(), none),
            Measure("Response encoding", none, stages.ResponseEncoding, none),
            Measure("Unlock: BLE write to motor start", () => Ready(bench, LockState.Locked, Opcode.Unlock), bench.SendPrepared, () => bench.CompleteMove(LockState.Unlocked)),
            Measure("Unlock: full round (with answer)", () => Ready(bench, LockState.Locked, Opcode.Unlock), bench.SendPreparedAndAnswer, () => bench.CompleteMove(LockState.Unlocked)),
            Measure("Lock: BLE write to motor start", () => Ready(bench, LockState.Unlocked, Opcode.Lock), bench.SendPrepared, () => bench.CompleteMove(LockState.Locked)),
            Measure("Motor control step", none, stages.MotorStep, none),
            Measure("Battery load sample", none, () => stages.BatteryLoadSample(), none),
            Measure("Move to the end stop (steps, event, audit, persist)", () => Started(bench), bench.FinishMove, none),
        };

        output.WriteLine($"Allocations per call, steady state ({Environment.Version}, {Environment.ProcessorCount} cores)");
        output.WriteLine();
        output.WriteLine("| Stage | Bytes, one call | Bytes/call over 1,000 | Objects (at most) |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (StageCost row in rows)
        {
            output.WriteLine($"| {row.Name} | {row.OnceBytes} | {row.AverageBytes:0.##} | {(row.OnceBytes + SmallestObjectBytes - 1) / SmallestObjectBytes} |");
        }

        return 0;
    }

    private static void Ready(BenchLock bench, LockState from, Opcode command)
    {
        bench.MoveTo(from);
        bench.Prepare(command);
    }

    private static void Started(BenchLock bench)
    {
        Ready(bench, LockState.Locked, Opcode.Unlock);
        bench.SendPrepared();
    }

    /// <summary><paramref name="before"/> and <paramref name="after"/> put the lock where the stage starts and reset it; only <paramref name="stage"/> is counted.</summary>
    private static StageCost Measure(string name, Action before, Action stage, Action after)
    {
        for (int i = 0; i < WarmUpCalls; i++)
        {
            Counted(before, stage, after);
        }

        long once = Counted(before, stage, after);
        long total = 0;
        for (int i = 0; i < AveragedCalls; i++)
        {
            total += Counted(before, stage, after);
        }

        return new StageCost(name, once, (double)total / AveragedCalls);
    }

    private static long Counted(Action before, Action stage, Action after)
    {
        before();
        long start = GC.GetAllocatedBytesForCurrentThread();
        stage();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        after();
        return allocated;
    }

    private sealed record StageCost(string Name, long OnceBytes, double AverageBytes);
}
