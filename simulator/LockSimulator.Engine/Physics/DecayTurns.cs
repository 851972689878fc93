using System;

namespace LockSimulator.Physics;

/// <summary>
/// e^(−t/τ) for a few pairs of t and τ that take turns: the slot a pair's bits hash to keeps its
/// last pair and value. The drive train's intervals come in a handful of lengths (a millisecond
/// count over 1000, less the clock's last instant, rounds to one of a few doubles) and a cell's
/// polarisation mostly has one time constant, so its decay repeats without repeating in a row,
/// where <see cref="ExpMemo"/> misses. A pair is matched by its bits, so the same pair gives the
/// very same value (NaN and ±0 included): only the work changes, never a result. So one memo
/// serves every pack a thread advances (<see cref="OfThisThread"/>), rather than one per lock.
/// </summary>
public sealed class DecayTurns
{
    private const int SlotBits = 4;

    [ThreadStatic]
    private static DecayTurns? _ofThisThread;

    private readonly Slot[] _slots = new Slot[1 << SlotBits];

    /// <summary>A memo whose every slot holds e^(−0/1) = 1.</summary>
    public DecayTurns()
    {
        Array.Fill(_slots, new Slot(0, BitConverter.DoubleToInt64Bits(1.0), 1.0));
    }

    /// <summary>The memo of the calling thread: a value depends only on its pair, never on who asked before, and no two threads share one.</summary>
    public static DecayTurns OfThisThread => _ofThisThread ??= new DecayTurns();

    /// <summary>e^(−<paramref name="seconds"/>/<paramref name="tau"/>), the very bits <see cref="Math.Exp"/> gives.</summary>
    public double Decay(double seconds, double tau)
    {
        long t = BitConverter.DoubleToInt64Bits(seconds);
        long tauBits = BitConverter.DoubleToInt64Bits(tau);
        ref Slot slot = ref _slots[(int)((ulong)(t ^ (tauBits * 31)) * 0x9E3779B97F4A7C15UL >> (64 - SlotBits))];
        if (slot.Seconds != t || slot.Tau != tauBits)
        {
            slot = new Slot(t, tauBits, Math.Exp(-seconds / tau));
        }

        return slot.Value;
    }

    private readonly record struct Slot(long Seconds, long Tau, double Value);
}
