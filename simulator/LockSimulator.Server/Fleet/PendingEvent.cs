namespace LockSimulator.Server.Fleet;

/// <summary>An event of one lock not yet in the fleet's log; <see cref="Order"/> keeps the lock's own order among equal times.</summary>
internal readonly record struct PendingEvent(long TimeMs, uint LockId, long Order, string Kind, string Value, string[]? Names = null);
