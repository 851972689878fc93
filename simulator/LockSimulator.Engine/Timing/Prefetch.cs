using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LockSimulator.Timing;

/// <summary>
/// Asks the CPU to bring an object's first cache lines in before they are read. A fleet runs its
/// locks one after another, and each lock's objects have not been touched since its previous
/// virtual hour, so out of every cache: a lock's run began with a chain of memory stalls, each
/// pointer read before the next object could be found. Fetching the next locks' objects while
/// one runs overlaps those stalls with its work. A hint only: it changes no result, and does
/// nothing where the CPU has no prefetch instruction the runtime exposes.
/// </summary>
public static unsafe class Prefetch
{
    private const int LineBytes = 64;

    /// <summary>Hints the first <paramref name="lines"/> cache lines of <paramref name="target"/> (its header, then its fields).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lines(object? target, int lines)
    {
        if (target == null || !Sse.IsSupported)
        {
            return;
        }

        // The reference is the object's address at this moment; if the collector moves the object
        // before the line arrives, a hint on the old address only costs the fetch (a prefetch never faults).
        byte* start = (byte*)Unsafe.As<object, nint>(ref target);
        for (int i = 0; i < lines; i++)
        {
            Sse.Prefetch0(start + i * LineBytes);
        }
    }
}

/// <summary>
/// What an agenda action's owner reads when it runs, hinted stage by stage (stage 0 reads only
/// this object's fields, each later stage what the stage before brought in): a lock's
/// <see cref="SimulatedLock.Prefetch"/> passes its next action's owner on.
/// </summary>
public interface IPrefetchable
{
    /// <summary>Stages of <see cref="Prefetch"/>.</summary>
    int PrefetchStages { get; }

    /// <summary>Hints one stage (0 to <see cref="PrefetchStages"/> − 1); changes nothing.</summary>
    void Prefetch(int stage);
}
