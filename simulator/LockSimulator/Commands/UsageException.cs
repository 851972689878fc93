using System;

namespace LockSimulator.Cli.Commands;

/// <summary>Arguments a hand-parsed command (battery-life) cannot run with; it prints the message and its usage and exits with 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
