using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>A real server on a free loopback port, with a raw HTTP client (for bad input) and the client library.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly RunningServer _server;

    private TestServer(RunningServer server)
    {
        _server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress };
        Client = SimulatorClient.Connect(server.BaseAddress);
    }

    public HttpClient Http { get; }

    public SimulatorClient Client { get; }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The server's fleet, to look at what it holds.</summary>
    internal Fleet.LockFleet Fleet => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fleet.LockFleet>(_server.Services);

    public static async Task<TestServer> StartAsync(int seed = 1) => new(await SimulatorServer.StartAsync(new ServerOptions { Port = 0, Seed = seed }));

    public async Task<CredentialView> StaffAsync(uint lockId, uint userId = 42) =>
        await Client.IssueCredentialAsync(new CredentialRequest { LockId = lockId, KeyId = 7, UserId = userId });

    /// <summary>Sends raw JSON text and returns the status and the parsed problem (or body).</summary>
    public async Task<(int Status, string? ContentType, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json != null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonElement body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public async Task<ClientWebSocket> WebSocketAsync(string path)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(BaseAddress, path)) { Scheme = "ws" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, timeout.Token);
        return socket;
    }

    public Task<T?> GetAsync<T>(string path) => Http.GetFromJsonAsync<T>(path, Json);

    public static readonly JsonSerializerOptions Json = ServerJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Client.DisposeAsync();
        await _server.DisposeAsync();
    }
}
