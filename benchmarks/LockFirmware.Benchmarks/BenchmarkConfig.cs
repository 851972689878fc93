using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Metrology;

namespace LockFirmware.Benchmarks;

/// <summary>
/// The one config every benchmark runs with: allocations measured (the Allocated column, in
/// bytes, so a path that allocates anything cannot round to 0 KB), benchmarks in the order
/// they are declared, and each class read as ratios to its Baseline.
/// </summary>
public static class BenchmarkConfig
{
    /// <param name="quick">
    /// A smoke test for CI: every benchmark once, timings meaningless, run in this process (no
    /// generated project to build, which on a loaded 2-core machine can exceed BenchmarkDotNet's
    /// two-minute build timeout).
    /// </param>
    public static IConfig Create(bool quick)
    {
        IConfig config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B))
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared));
        return quick ? config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")) : config;
    }
}
