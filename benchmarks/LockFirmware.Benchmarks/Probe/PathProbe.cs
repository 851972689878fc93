using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using LockFirmware.Benchmarks.Rig;
using LockFirmware.Ble;
using LockFirmware.Motor;

namespace LockFirmware.Benchmarks.Probe;

/// <summary>
/// <c>--path-probe</c>: times every write-to-motor-start call on its own with the timestamp
/// counter, for rings of different sizes and with the host's caches flushed or not between the
/// setup and the measured calls, beside the HMAC floor timed the same way. It shows where the
/// spread of the BenchmarkDotNet row comes from: per-call medians and tails, not one mean.
/// </summary>
public static class PathProbe
{
    private const int Samples = 20_000;

    /// <summary>Larger than this host's L2 (1 MiB per core): walking it evicts a ring's state as another process on the core would.</summary>
    private static readonly byte[] Evictor = new byte[8 * 1024 * 1024];

    public static int Run(TextWriter output)
    {
        long overhead = TimerOverhead();
        output.WriteLine($"timestamp overhead {Ns(overhead):0} ns (subtracted); {Environment.ProcessorCount} cores; load {Load()}");
        output.WriteLine();
        output.WriteLine("| what | locks | between setup and calls | median ns | p10 ns | p90 ns | p99 ns |");
        output.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: |");

        var floor = new MacFloor();
        BenchLock[][] rings = new[] { 1, LockRing.Size, 256 }.Select(size => Enumerable.Range(0, size).Select(_ => new BenchLock()).ToArray()).ToArray();
        // Warm-up until the JIT's tier-1 code is in place (call counting waits 100 ms, then compiles in the background).
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2_000)
        {
            Repeat(floor, overhead);
            foreach (BenchLock[] ring in rings)
            {
                Ring(ring, Flush.None, overhead);
            }
        }

        Row(output, "floor: one HMAC", 1, Flush.None, Repeat(floor, overhead));
        foreach (BenchLock[] ring in rings)
        {
            foreach (Flush flush in Enum.GetValues<Flush>())
            {
                Row(output, "unlock: write to motor start", ring.Length, flush, Ring(ring, flush, overhead));
            }
        }

        return 0;
    }

    private static long[] Repeat(MacFloor floor, long overhead)
    {
        var times = new long[Samples];
        for (int i = -1_000; i < Samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            floor.Command();
            long took = Stopwatch.GetTimestamp() - start - overhead;
            if (i >= 0)
            {
                times[i] = took;
            }
        }

        return times;
    }

    /// <summary>What happens between the ring's setup and its measured calls.</summary>
    private enum Flush
    {
        None,

        /// <summary>An 8 MiB walk, as another process on the core would do.</summary>
        Evict,

        /// <summary>What BenchmarkDotNet does by default between an iteration's setup and its invocations (Gc.Force): two full collections.</summary>
        FullGc,
    }

    private static long[] Ring(BenchLock[] locks, Flush flush, long overhead)
    {
        var times = new long[Samples];
        int n = -Math.Max(1_000, locks.Length * 4);
        while (n < Samples)
        {
            foreach (BenchLock bench in locks)
            {
                bench.MoveTo(LockState.Locked);
                bench.Prepare(Opcode.Unlock);
            }

            if (flush == Flush.Evict)
            {
                Evict();
            }
            else if (flush == Flush.FullGc)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }

            foreach (BenchLock bench in locks)
            {
                long start = Stopwatch.GetTimestamp();
                bench.SendPrepared();
                long took = Stopwatch.GetTimestamp() - start - overhead;
                if (n >= 0 && n < Samples)
                {
                    times[n] = took;
                }

                n++;
            }

            foreach (BenchLock bench in locks)
            {
                bench.CompleteMove(LockState.Unlocked);
            }
        }

        return times;
    }

    private static void Evict()
    {
        for (int i = 0; i < Evictor.Length; i += 64)
        {
            Evictor[i]++;
        }
    }

    private static long TimerOverhead()
    {
        var times = new long[Samples];
        for (int i = 0; i < Samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            times[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(times);
        return times[Samples / 2];
    }

    private static void Row(TextWriter output, string what, int locks, Flush flush, long[] times)
    {
        Array.Sort(times);
        output.WriteLine($"| {what} | {locks} | {flush} | {Ns(times[Samples / 2]):0} | {Ns(times[Samples / 10]):0} | {Ns(times[Samples * 9 / 10]):0} | {Ns(times[Samples * 99 / 100]):0} |");
    }

    private static double Ns(long ticks) => ticks * 1e9 / Stopwatch.Frequency;

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
