using System.Collections.Generic;

namespace LockSimulator.Tracing;

/// <summary>
/// A VCD <c>$timescale</c> (1, 10 or 100 of s, ms, us, ns, ps or fs) and the conversion of
/// its ticks to microseconds. Every tick is a power of ten of femtoseconds, so the ratio to a
/// microsecond is a whole number one way or the other and the conversion stays exact in
/// integers (sub-microsecond remainders are truncated).
/// </summary>
public sealed class VcdTimescale
{
    private const long FemtosecondsPerMicrosecond = 1_000_000_000;

    private static readonly Dictionary<string, long> FemtosecondsPerUnit = new()
    {
        ["s"] = 1_000_000_000_000_000,
        ["ms"] = 1_000_000_000_000,
        ["us"] = FemtosecondsPerMicrosecond,
        ["ns"] = 1_000_000,
        ["ps"] = 1_000,
        ["fs"] = 1,
    };

    private readonly long _tickFs;

    private VcdTimescale(long tickFs)
    {
        _tickFs = tickFs;
    }

    /// <summary>The VCD default when a file has no <c>$timescale</c>.</summary>
    public static VcdTimescale OneNanosecond { get; } = new(1_000_000);

    /// <summary>Parses the text between <c>$timescale</c> and <c>$end</c>: "1 us", "10ns", "100 ms".</summary>
    public static VcdTimescale Parse(string text)
    {
        string compact = text.Replace(" ", "").Replace("\t", "").Trim();
        int digits = 0;
        while (digits < compact.Length && char.IsAsciiDigit(compact[digits]))
        {
            digits++;
        }

        string number = compact[..digits];
        string unit = compact[digits..];
        if (number is not ("1" or "10" or "100") || !FemtosecondsPerUnit.TryGetValue(unit, out long unitFs))
        {
            throw new UnusableRecordingException($"not a VCD timescale: '{text.Trim()}' (expected 1, 10 or 100 of s, ms, us, ns, ps, fs)");
        }

        return new VcdTimescale(long.Parse(number) * unitFs);
    }

    /// <summary>A time in ticks as microseconds.</summary>
    public long ToMicroseconds(long ticks)
    {
        if (_tickFs < FemtosecondsPerMicrosecond)
        {
            return ticks / (FemtosecondsPerMicrosecond / _tickFs);
        }

        long factor = _tickFs / FemtosecondsPerMicrosecond;
        if (ticks > long.MaxValue / factor)
        {
            throw new UnusableRecordingException($"VCD time #{ticks} is out of range");
        }

        return ticks * factor;
    }
}
