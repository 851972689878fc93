using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>Safe in a shared test environment: loopback unless a token is set, Host and Origin checked, one clear line for a taken port.</summary>
public class SecurityTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Listening_beyond_loopback_is_impossible_without_a_token()
    {
        var exposed = new ServerOptions { Port = 0, Listen = IPAddress.Any };
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorServer.StartAsync(exposed));
        Assert.Contains("bearer token", refused.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => SimulatorServer.StartAsync(exposed with { BearerToken = "short" }));

        using var error = new StringWriter();
        Assert.Equal(2, ServeCommand.Run(["--listen", "0.0.0.0", "--port", "0"], TextWriter.Null, error));
        Assert.Contains("needs a bearer token", error.ToString());
    }

    [Fact]
    public async Task With_a_token_every_request_and_websocket_must_carry_it()
    {
        await using RunningServer server = await SimulatorServer.StartAsync(new ServerOptions { Port = 0, Listen = IPAddress.Any, BearerToken = Token });
        var local = new UriBuilder(server.BaseAddress) { Host = "127.0.0.1" }.Uri;
        using var http = new HttpClient { BaseAddress = local };
        using HttpResponseMessage anonymous = await http.GetAsync("/locks");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/locks")).StatusCode);

        using var socket = new ClientWebSocket();
        var events = new UriBuilder(local) { Scheme = "ws", Path = "/events" }.Uri;
        await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(events, CancellationToken.None));
        using var authorised = new ClientWebSocket();
        authorised.Options.SetRequestHeader("Authorization", "Bearer " + Token);
        await authorised.ConnectAsync(events, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, authorised.State);
    }

    [Fact]
    public async Task A_foreign_host_name_and_a_cross_origin_state_change_are_refused()
    {
        await using TestServer server = await TestServer.StartAsync();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/locks");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Http.SendAsync(rebound)).StatusCode);

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/time/pause");
        crossSite.Headers.Add("Origin", "http://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Http.SendAsync(crossSite)).StatusCode);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/time/pause");
        sameSite.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await server.Http.SendAsync(sameSite)).StatusCode);

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://attacker.example");
        var events = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/events" }.Uri;
        await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(events, CancellationToken.None));
    }

    [Fact]
    public void A_port_in_use_is_one_clear_line_and_exit_code_3()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var error = new StringWriter();

        Assert.Equal(3, ServeCommand.Run(["--port", port.ToString()], TextWriter.Null, error));
        string[] lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"serve: 127.0.0.1:{port} is already in use (another simulator server?): stop it or choose another port with --port", Assert.Single(lines).TrimEnd());
    }
}

/// <summary>Sets process-wide environment variables, so it runs alone (in the collection that runs after the parallel ones).</summary>
[Collection(nameof(SoakTests))]
public class EnvironmentTests
{
    [Fact]
    public async Task Kestrel_endpoints_from_the_environment_do_not_open_another_address()
    {
        Environment.SetEnvironmentVariable("Kestrel__Endpoints__Exposed__Url", "http://0.0.0.0:0");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://0.0.0.0:0");
        try
        {
            await using RunningServer server = await SimulatorServer.StartAsync(new ServerOptions { Port = 0 });
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kestrel__Endpoints__Exposed__Url", null);
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        }
    }
}
