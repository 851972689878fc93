using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// An event of one lock not yet in the fleet's log: a value, so the millions of a fleet day
/// are copied between buffers rather than made as objects. Among equal times a lock's events
/// keep the order they were recorded in (<see cref="FleetEventMerge"/>).
/// </summary>
internal readonly record struct PendingEvent(long TimeMs, uint LockId, string Kind, string Value, string[]? Names = null)
{
    /// <summary>The event as the log's readers see it, numbered <paramref name="seq"/>.</summary>
    public FleetEvent Published(long seq) => new(seq, TimeMs, LockId, Kind, Value, Names);
}
