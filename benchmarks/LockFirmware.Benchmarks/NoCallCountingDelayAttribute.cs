using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace LockFirmware.Benchmarks;

/// <summary>
/// Runs a class's benchmarks with DOTNET_TC_CallCountingDelayMs=0. The tiered JIT starts
/// counting calls only after 100 ms without new first-tier compilation; a benchmark that
/// builds fresh objects for every short iteration (the fleet) keeps pushing that back and
/// would measure first-tier code: for the simulator several times slower and with six times
/// the allocations, as first-tier code keeps no short-lived object on the stack.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoCallCountingDelayAttribute : JobMutatorConfigBaseAttribute
{
    public NoCallCountingDelayAttribute()
        : base(Job.Default.WithEnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0"))
    {
    }
}
