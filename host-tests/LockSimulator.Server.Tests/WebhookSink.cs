using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LockSimulator.Server.Tests;

/// <summary>A backend's webhook receiver on a free port of 127.0.0.1: collects what the simulator uploads.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WebhookPayload> _received = Channel.CreateUnbounded<WebhookPayload>();
    private int _failuresLeft;

    private WebhookSink()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = new System.IO.MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            Deliveries.Enqueue((context.Request.ContentLength, context.Request.Headers["X-Lock-Simulator-Signature"].ToString(),
                context.Request.Headers["X-Lock-Simulator-Delivery"].ToString(), body.ToArray()));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                return Results.StatusCode(503);
            }

            _received.Writer.TryWrite(System.Text.Json.JsonSerializer.Deserialize<WebhookPayload>(body.ToArray(), TestServer.Json)!);
            return Results.Ok();
        });
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every POST received, failed ones too: its Content-Length, signature and delivery headers, and body.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(long? ContentLength, string Signature, string Delivery, byte[] Body)> Deliveries { get; } = new();

    /// <summary>The next <paramref name="count"/> POSTs are answered 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<WebhookSink> StartAsync()
    {
        var sink = new WebhookSink();
        await sink._app.StartAsync();
        string address = sink._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink.Url = new Uri(new Uri(address), "/hook");
        return sink;
    }

    /// <summary>The next upload, waiting at most 10 s of wall time.</summary>
    public async Task<WebhookPayload> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
