using System;

namespace LockSimulator.Server.Contracts;

/// <summary>Advance virtual time by <see cref="Ms"/> or by <see cref="Duration"/> (give exactly one).</summary>
public sealed record AdvanceRequest
{
    public long? Ms { get; init; }

    /// <summary>A .NET time span, e.g. "01:00:00" or "1.00:00:00".</summary>
    public TimeSpan? Duration { get; init; }
}

/// <summary>Run virtual time at <see cref="Factor"/> × real time (0.01 … 100 000).</summary>
public sealed record RunRequest
{
    public required double Factor { get; init; }
}

/// <summary>The fleet's virtual clock.</summary>
public sealed record TimeView(long TimeMs, DateTimeOffset WallTime, string Mode, double Factor, int Locks, long LastEventSeq);

/// <summary>What this server is.</summary>
public sealed record ServerInfo(string Name, int Seed, string OpenApi, TimeView Time);
