using System;
using System.Net;

namespace LockSimulator.Server.Hosting;

/// <summary>The server's port is already taken (by another server, or an earlier run still going).</summary>
public sealed class PortInUseException : Exception
{
    public PortInUseException(IPEndPoint endpoint, Exception inner)
        : base($"{endpoint} is already in use (another simulator server?): stop it or choose another port with --port", inner)
    {
        EndPoint = endpoint;
    }

    public IPEndPoint EndPoint { get; }
}
