namespace LockSimulator.Tracing;

/// <summary>One change on a signal of the simulated lock, at a virtual time in milliseconds.</summary>
public readonly record struct TraceEvent(long TimeMs, string Signal, string Value);
