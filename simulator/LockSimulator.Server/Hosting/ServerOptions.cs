using System.Net;

namespace LockSimulator.Server.Hosting;

/// <summary>How a simulator server starts.</summary>
public sealed record ServerOptions
{
    /// <summary>The documented default port on 127.0.0.1.</summary>
    public const int DefaultPort = 8471;

    /// <summary>Shortest bearer token accepted: 128 bits as hex.</summary>
    public const int MinTokenLength = 32;

    /// <summary>Port; 0 picks a free one (tests, in-process clients).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The address to listen on: loopback (127.0.0.1) unless set. Any other address exposes the
    /// server to the network and is refused unless <see cref="BearerToken"/> is set.
    /// </summary>
    public IPAddress Listen { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// When set, every request must carry <c>Authorization: Bearer &lt;token&gt;</c> (at least
    /// <see cref="MinTokenLength"/> characters). Required for a non-loopback <see cref="Listen"/>.
    /// </summary>
    public string? BearerToken { get; init; }

    /// <summary>Seeds what is not given: lock secrets (and the fleet command's visits).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Log requests that failed on the server (500s) to the console.</summary>
    public bool LogErrors { get; init; } = true;

    /// <summary>
    /// Let webhooks go to link-local addresses (169.254.0.0/16, fe80::/10), where cloud metadata
    /// services live. Off: a webhook URL cannot be turned against the host's metadata service.
    /// </summary>
    public bool AllowLinkLocalWebhooks { get; init; }
}
