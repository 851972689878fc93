using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LockSimulator.Server.Api;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// Builds and starts the simulator server: the same for <c>serve</c> and for in-process clients.
/// It listens where <see cref="ServerOptions"/> says and nowhere else: configuration from the
/// environment (e.g. <c>Kestrel__Endpoints__…</c>, <c>ASPNETCORE_URLS</c>) is ignored, and a
/// server that finds itself bound anywhere else refuses to run.
/// </summary>
public static class SimulatorServer
{
    /// <summary>Largest request body: every request is a small JSON object.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    /// <exception cref="ArgumentException">A non-loopback address without a bearer token, or a token too short.</exception>
    /// <exception cref="PortInUseException">The port is taken.</exception>
    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        Check(options);
        WebApplication app = Build(options);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new PortInUseException(new IPEndPoint(options.Listen, options.Port), e);
        }

        Uri[] addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(a => new Uri(a)).ToArray();
        Uri? stray = addresses.FirstOrDefault(a => !IPAddress.TryParse(a.Host.Trim('[', ']'), out IPAddress? ip) || !ip.Equals(options.Listen));
        if (stray != null || addresses.Length != 1)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            throw new InvalidOperationException($"the server found itself listening on {string.Join(", ", addresses.Select(a => a.ToString()))}, not only on {options.Listen}: refused");
        }

        return new RunningServer(app, addresses[0], options);
    }

    private static void Check(ServerOptions options)
    {
        if (options.BearerToken is string token && (token.Length < ServerOptions.MinTokenLength || token.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"a bearer token must be at least {ServerOptions.MinTokenLength} characters without spaces (e.g. openssl rand -hex 16)");
        }

        if (!IPAddress.IsLoopback(options.Listen) && options.BearerToken == null)
        {
            throw new ArgumentException($"listening on {options.Listen} exposes the simulator to the network: it needs a bearer token (--token-file)");
        }
    }

    private static WebApplication Build(ServerOptions options)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // Nothing from the environment decides where the server listens or how it behaves.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        if (options.LogErrors)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true)
                .AddFilter((category, level) => level >= LogLevel.Error && category?.StartsWith("LockSimulator", StringComparison.Ordinal) == true);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Listen, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(json => ServerJson.Configure(json.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        OpenApiSetup.Add(builder.Services);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new LockFleet(options.Seed));
        builder.Services.AddSingleton(services => new TimeRunner(services.GetRequiredService<LockFleet>(), services.GetRequiredService<ILoggerFactory>().CreateLogger<TimeRunner>()));
        builder.Services.AddSingleton<WebhookSender>();

        WebApplication app = builder.Build();
        app.Use(ProblemMiddleware.Handle);
        app.Use(new RequestGuard(options).Handle);
        app.Use(MaskCheckingUpgrade.Install);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapOpenApi().WithName("getOpenApiDocument");
        FleetEndpoints.Map(app);
        PhysicalEndpoints.Map(app);
        RecordEndpoints.Map(app);
        TimeEndpoints.Map(app);
        PhoneEndpoints.Map(app);
        PairingEndpoints.Map(app);
        BackendEndpoints.Map(app);
        EventEndpoints.Map(app);
        BleEndpoints.Map(app);
        WebhookEndpoints.Map(app);
        return app;
    }
}
