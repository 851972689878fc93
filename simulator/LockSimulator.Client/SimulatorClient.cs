using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Client;

/// <summary>
/// A simulator server seen from a backend's tests: one started in this process on a free
/// loopback port (<see cref="StartInProcessAsync"/>) or one already running (<see cref="Connect"/>).
/// </summary>
public sealed class SimulatorClient : IAsyncDisposable
{
    /// <summary>Virtual time a wait advances per step while the fleet's time is paused.</summary>
    private static readonly TimeSpan WaitStep = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly HttpClient _http;
    private readonly RunningServer? _server;

    private SimulatorClient(Uri baseAddress, RunningServer? server, string? bearerToken = null)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (bearerToken != null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        _server = server;
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Hosts the same server as <c>serve</c> in this process, on a free port of 127.0.0.1.</summary>
    public static async Task<SimulatorClient> StartInProcessAsync(int seed = 1)
    {
        RunningServer server = await SimulatorServer.StartAsync(new ServerOptions { Port = 0, Seed = seed });
        return new SimulatorClient(server.BaseAddress, server);
    }

    /// <summary>A server already running, e.g. http://127.0.0.1:8471/; with the bearer token it was started with, if any.</summary>
    public static SimulatorClient Connect(Uri baseAddress, string? bearerToken = null) => new(baseAddress, null, bearerToken);

    public async Task<SimulatorLock> CreateLockAsync(CreateLockRequest request)
    {
        await SendAsync<LockView>(HttpMethod.Post, "locks", request);
        return Lock(request.LockId);
    }

    public SimulatorLock Lock(uint lockId) => new(this, lockId);

    public Task<LockSummary[]> ListLocksAsync() => SendAsync<LockSummary[]>(HttpMethod.Get, "locks");

    public Task<CredentialView> IssueCredentialAsync(CredentialRequest request) => SendAsync<CredentialView>(HttpMethod.Post, "backend/credentials", request);

    public Task<TimeTokenView> TimeTokenAsync(uint lockId, DateTimeOffset? time = null) =>
        SendAsync<TimeTokenView>(HttpMethod.Post, "backend/time-tokens", new TimeTokenRequest { LockId = lockId, Time = time });

    public Task<TimeView> TimeAsync() => SendAsync<TimeView>(HttpMethod.Get, "time");

    public Task<TimeView> AdvanceAsync(TimeSpan duration) => SendAsync<TimeView>(HttpMethod.Post, "time/advance", new AdvanceRequest { Ms = (long)Math.Ceiling(duration.TotalMilliseconds) });

    public Task<TimeView> RunAsync(double factor) => SendAsync<TimeView>(HttpMethod.Post, "time/run", new RunRequest { Factor = factor });

    public Task<TimeView> PauseAsync() => SendAsync<TimeView>(HttpMethod.Post, "time/pause");

    /// <summary>Sets the webhook; the answer carries the signing secret (made by the server when <paramref name="secret"/> is null).</summary>
    public Task<WebhookView> SetWebhookAsync(Uri url, string? secret = null) => SendAsync<WebhookView>(HttpMethod.Put, "webhook", new WebhookRequest { Url = url.ToString(), Secret = secret });

    public Task<EventLogView> EventsAsync(long since = 0) => SendAsync<EventLogView>(HttpMethod.Get, $"events/log?since={since}");

    public Task<EventDigestView> DigestAsync() => SendAsync<EventDigestView>(HttpMethod.Get, "events/digest");

    /// <summary>
    /// The first event after <paramref name="since"/> that matches, waiting at most
    /// <paramref name="virtualTimeout"/> of virtual time: while the fleet is paused the wait
    /// advances it step by step; while it runs, the wait watches it pass.
    /// </summary>
    public async Task<FleetEvent> WaitForEventAsync(Func<FleetEvent, bool> match, TimeSpan virtualTimeout, long since = 0)
    {
        long deadline = (await TimeAsync()).TimeMs + (long)virtualTimeout.TotalMilliseconds;
        while (true)
        {
            EventLogView page = await EventsAsync(since);
            foreach (FleetEvent e in page.Events)
            {
                if (match(e))
                {
                    return e;
                }
            }

            since = page.Next;
            if (page.Events.Length > 0)
            {
                continue;
            }

            TimeView now = await TimeAsync();
            if (now.TimeMs >= deadline)
            {
                throw new TimeoutException($"no matching event within {virtualTimeout} of virtual time");
            }

            if (now.Mode == "paused")
            {
                await AdvanceAsync(TimeSpan.FromMilliseconds(Math.Min(WaitStep.TotalMilliseconds, deadline - now.TimeMs)));
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server != null)
        {
            await _server.DisposeAsync();
        }
    }

    internal async Task<T> SendAsync<T>(HttpMethod method, string path, object? body = null)
    {
        using HttpResponseMessage response = await SendRawAsync(method, path, body);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    internal async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body == null ? null : JsonContent.Create(body, body.GetType(), options: Json) };
        HttpResponseMessage response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            Problem? problem = null;
            try
            {
                problem = await response.Content.ReadFromJsonAsync<Problem>(Json);
            }
            catch (JsonException)
            {
            }

            var failed = new SimulatorApiException(response.StatusCode, problem?.Title, problem?.Detail);
            response.Dispose();
            throw failed;
        }

        return response;
    }
}
