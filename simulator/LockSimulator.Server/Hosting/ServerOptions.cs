namespace LockSimulator.Server.Hosting;

/// <summary>How a simulator server starts.</summary>
public sealed record ServerOptions
{
    /// <summary>The documented default port on 127.0.0.1.</summary>
    public const int DefaultPort = 8471;

    /// <summary>Loopback port; 0 picks a free one (tests, in-process clients).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Seeds what is not given: lock secrets (and the fleet command's visits).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Log requests that failed on the server (500s) to the console.</summary>
    public bool LogErrors { get; init; } = true;
}
