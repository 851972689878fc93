using System;

namespace LockSimulator.Tracing;

/// <summary>A recording that cannot be judged at all: not a VCD file, or a channel it lacks.</summary>
public sealed class UnusableRecordingException : Exception
{
    public UnusableRecordingException(string message)
        : base(message)
    {
    }
}
