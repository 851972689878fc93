using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace LockSimulator.Server.Hosting;

/// <summary>A started simulator server; disposing it stops it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningServer(WebApplication app, Uri baseAddress, int seed)
    {
        _app = app;
        BaseAddress = baseAddress;
        Seed = seed;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    public int Seed { get; }

    /// <summary>Completes when the host stops (Ctrl+C for the command line).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
