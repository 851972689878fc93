using System;
using BenchmarkDotNet.Attributes;

namespace LockFirmware.Benchmarks.Columns;

/// <summary>Adds the <see cref="LockSecondsColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LockSecondsColumnAttribute : ColumnConfigBaseAttribute
{
    public LockSecondsColumnAttribute()
        : base(new LockSecondsColumn())
    {
    }
}
