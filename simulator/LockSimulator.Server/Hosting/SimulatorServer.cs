using System;
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
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace LockSimulator.Server.Hosting;

/// <summary>Builds and starts the simulator server on 127.0.0.1: the same for <c>serve</c> and for in-process clients.</summary>
public static class SimulatorServer
{
    private const string Description =
        "A fleet of simulated home-care locks running the real firmware in virtual time. Time is paused until advanced " +
        "(POST /time/advance) or run (POST /time/run). Errors are RFC 7807 problem+json. WebSockets: /events (fleet events) " +
        "and /locks/{id}/ble (one phone's BLE link: binary GATT fragments, text control messages).";

    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        WebApplication app = Build(options);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)), options.Seed);
    }

    private static WebApplication Build(ServerOptions options)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (options.LogErrors)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(json => ServerJson.Configure(json.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Lock simulator server", Version = "1", Description = Description };
                return Task.CompletedTask;
            });
        });
        builder.Services.AddSingleton(new LockFleet(options.Seed));
        builder.Services.AddSingleton(services => new TimeRunner(services.GetRequiredService<LockFleet>(), services.GetRequiredService<ILoggerFactory>().CreateLogger<TimeRunner>()));
        builder.Services.AddSingleton<WebhookSender>();

        WebApplication app = builder.Build();
        app.Use(ProblemMiddleware.Handle);
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapOpenApi();
        FleetEndpoints.Map(app);
        PhysicalEndpoints.Map(app);
        RecordEndpoints.Map(app);
        TimeEndpoints.Map(app);
        PhoneEndpoints.Map(app);
        BackendEndpoints.Map(app);
        EventEndpoints.Map(app);
        BleEndpoints.Map(app);
        WebhookEndpoints.Map(app);
        return app;
    }
}
