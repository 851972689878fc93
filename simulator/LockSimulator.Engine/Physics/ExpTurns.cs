using System;
using System.Numerics;

namespace LockSimulator.Physics;

/// <summary>
/// e^x for a few arguments that take turns: the slot an argument's bits hash to keeps its last
/// argument and value. The drive train's intervals come in a handful of lengths (a millisecond
/// count over 1000, less the clock's last instant, rounds to one of a few doubles), so the
/// polarisation's e^(−t/τ) repeats without repeating in a row, where <see cref="ExpMemo"/> misses.
/// The same argument gives the very same value: only the work changes, never a result.
/// </summary>
public sealed class ExpTurns
{
    private const int Slots = 16;

    private readonly double[] _arguments = new double[Slots];
    private readonly double[] _values = new double[Slots];

    /// <summary>An empty memo: every slot holds NaN, which no argument equals.</summary>
    public ExpTurns()
    {
        Array.Fill(_arguments, double.NaN);
    }

    /// <summary>e^<paramref name="x"/>, the very bits <see cref="Math.Exp"/> gives.</summary>
    public double Exp(double x)
    {
        int slot = (int)(((ulong)BitConverter.DoubleToInt64Bits(x) * 0x9E3779B97F4A7C15UL) >> (64 - 4));
        // NaN never equals itself, so a NaN argument is passed on to Math.Exp; 0 and −0 are equal, and e^x is 1 for both.
        if (x != _arguments[slot])
        {
            _values[slot] = Math.Exp(x);
            _arguments[slot] = x;
        }

        return _values[slot];
    }
}
