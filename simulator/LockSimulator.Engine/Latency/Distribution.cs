using System;
using System.Collections.Generic;
using System.Linq;

namespace LockSimulator.Latency;

/// <summary>Median, 99th percentile and maximum of a set of times (nearest-rank percentiles, so each is a time some run took).</summary>
public readonly record struct Distribution(int Count, long P50, long P99, long Max)
{
    public static Distribution Of(IEnumerable<long> values)
    {
        long[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("a distribution needs at least one value", nameof(values));
        }

        return new Distribution(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static long Rank(long[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
