using System.Runtime.CompilerServices;
using LockFirmware.Events;

namespace LockSimulator;

/// <summary>
/// Whether an input waits in the firmware's queue, read as <see cref="InputQueue.HasInput"/>
/// reads it (an input in the ring, or a level kept beside it) but with plain reads: HasInput
/// reads each count with a fenced compare-exchange, about 40 % of the simulator's own time per
/// dispatcher round, while a simulated lock's queue is only ever touched by the thread running
/// it (a fleet lock's under its gate, whose monitor orders the reads between threads). The
/// board's dispatcher never asks; only the simulator does, to know when the next round is due.
/// </summary>
public static class WaitingInput
{
    /// <summary>True while an input waits to be taken from <paramref name="queue"/>, as its HasInput says.</summary>
    public static bool In(InputQueue queue) => Ring(queue) > 0 || Kept(queue) > 0;

    // The firmware's own fields, by name: a rename fails every run at once (MissingFieldException), never silently.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_count")]
    private static extern ref int Ring(InputQueue queue);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_keptNow")]
    private static extern ref int Kept(InputQueue queue);
}
