using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Webhooks;

/// <summary>
/// Uploads what the virtual phones synced to the configured URL, one POST at a time in the
/// order the operations happened, off the request path. A slow or dead receiver loses
/// uploads (counted) instead of slowing the simulation.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    private const int QueueLength = 1_000;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Channel<(Uri Url, WebhookPayload Payload)> _queue =
        Channel.CreateBounded<(Uri, WebhookPayload)>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private Uri? _url;
    private long _delivered;
    private long _failed;
    private string? _lastError;

    public WebhookSender()
    {
        _sending = Task.Run(SendAllAsync);
    }

    public WebhookView View => new(_url?.ToString(), Interlocked.Read(ref _delivered), Interlocked.Read(ref _failed), _lastError);

    public void Configure(string? url)
    {
        if (url == null)
        {
            _url = null;
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw ApiProblem.BadRequest($"'{url}' is not an absolute http or https URL");
        }

        _url = parsed;
    }

    public void Upload(WebhookPayload payload)
    {
        if (_url is Uri url && !_queue.Writer.TryWrite((url, payload)))
        {
            Interlocked.Increment(ref _failed);
            _lastError = "queue full: upload dropped";
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Shutting down: uploads still queued are dropped, not waited for.
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        await _sending;
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task SendAllAsync()
    {
        await foreach ((Uri url, WebhookPayload payload) in _queue.Reader.ReadAllAsync())
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                using HttpResponseMessage response = await _http.PostAsJsonAsync(url, payload, ServerJson.Options, _stop.Token);
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref _delivered);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failed);
                _lastError = $"{url}: {e.Message}";
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
