using System.Threading;
using BenchmarkDotNet.Attributes;
using LockFirmware.Benchmarks.Columns;
using LockFirmware.Benchmarks.Rig;

namespace LockFirmware.Benchmarks.Suites;

/// <summary>
/// The simulator's throughput: one invocation advances every lock of a fleet by one virtual
/// second, and an operation is one lock-second, so Mean is the wall time per lock-second and
/// the Lock-s/s column its inverse. The ratio shows what a fleet costs per lock against one.
/// </summary>
[InvocationCount(Fleet.Seconds, 1)]
[LockSecondsColumn]
[NoCallCountingDelay]
public class FleetBenchmarks
{
    private const int FleetSize = 100;

    private Fleet _fleet = null!;

    /// <summary>
    /// Fleets' minutes first, each followed by a pause for the tiered JIT's background thread:
    /// the single lock's iterations are too short for the engine's own warm-up to reach
    /// optimised code, which then arrives in the middle of the measurement.
    /// </summary>
    [GlobalSetup]
    public void WarmUp()
    {
        for (int round = 0; round < 3; round++)
        {
            var fleet = new Fleet(FleetSize);
            for (int second = 0; second < Fleet.Seconds; second++)
            {
                fleet.AdvanceOneSecond();
            }

            Thread.Sleep(500);
        }
    }

    [IterationSetup(Target = nameof(OneLock))]
    public void BuildOne() => _fleet = new Fleet(1);

    [Benchmark(Baseline = true, Description = "1 lock, 1 virtual second")]
    public void OneLock() => _fleet.AdvanceOneSecond();

    [IterationSetup(Target = nameof(HundredLocks))]
    public void BuildHundred() => _fleet = new Fleet(FleetSize);

    [Benchmark(OperationsPerInvoke = FleetSize, Description = "100 locks, 1 virtual second")]
    public void HundredLocks() => _fleet.AdvanceOneSecond();

    [IterationCleanup]
    public void CheckVisits() => _fleet.Check();
}
