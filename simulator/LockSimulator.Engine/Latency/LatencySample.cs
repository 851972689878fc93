namespace LockSimulator.Latency;

/// <summary>One timed visit: from the phone's first write (HELLO) to the motor's start and to Unlocked, in virtual ms.</summary>
public readonly record struct LatencySample(long ToMotorStartMs, long ToEndStopMs);
