namespace LockSimulator.Tracing;

/// <summary>A 1-bit signal took <paramref name="Level"/> at <paramref name="TimeUs"/> microseconds.</summary>
public readonly record struct LevelChange(long TimeUs, bool Level);
