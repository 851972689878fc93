using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace LockSimulator.Server.Hosting;

/// <summary>A started simulator server; disposing it stops it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningServer(WebApplication app, Uri baseAddress, ServerOptions options)
    {
        _app = app;
        BaseAddress = baseAddress;
        Options = options;
    }

    /// <summary>Where the server really listens, e.g. http://127.0.0.1:8471/ (the one address it is bound to).</summary>
    public Uri BaseAddress { get; }

    public int Seed => Options.Seed;

    public ServerOptions Options { get; }

    /// <summary>The server's services (tests look at its fleet).</summary>
    internal IServiceProvider Services => _app.Services;

    /// <summary>Completes when the host stops (Ctrl+C for the command line).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
