using System.Runtime.CompilerServices;
using System.Threading;
using LockFirmware.Events;

namespace LockSimulator.Timing;

/// <summary>
/// Whether the firmware's input queue holds an input, as the simulator asks before every
/// dispatcher round. The queue's own <see cref="InputQueue.HasInput"/> is a fenced
/// compare-exchange, there for adapters posting from other threads on the board; a simulated
/// lock posts and takes on one thread at a time (its owner's gate), so its waiting count read
/// plainly gives the same answer. That locked instruction was about a third of the run loop's
/// own time (perf, 20 000 locks): one per loop pass, most of them a motor step.
/// </summary>
public static class WaitingInputs
{
    /// <summary>True while an input waits in <paramref name="queue"/> (the same answer as <see cref="InputQueue.HasInput"/>).</summary>
    public static bool Any(InputQueue queue) => Volatile.Read(ref Waiting(queue)) > 0;

    // The queue's count of inputs waiting, in the ring and beside it (InputQueue._waiting).
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_waiting")]
    private static extern ref int Waiting(InputQueue queue);
}
