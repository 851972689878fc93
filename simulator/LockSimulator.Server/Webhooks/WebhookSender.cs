using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Webhooks;

/// <summary>
/// Uploads what the virtual phones synced to the configured URL, one POST at a time in the
/// order the operations happened, off the request path. Each body is sent with its
/// Content-Length and signed: <see cref="SignatureHeader"/> carries
/// <c>sha256=</c> and the HMAC-SHA256 of the exact body bytes under the webhook's secret. A
/// failed delivery is retried with back-off (<see cref="RetryDelaysMs"/>); a receiver that stays
/// down loses uploads (counted) instead of slowing the simulation. Link-local addresses (where
/// cloud metadata services answer) are refused unless the server was started to allow them.
/// </summary>
internal sealed class WebhookSender : IAsyncDisposable
{
    /// <summary>Header with the body's signature: "sha256=" + lowercase hex HMAC-SHA256(secret, body).</summary>
    public const string SignatureHeader = "X-Lock-Simulator-Signature";

    /// <summary>Header with the upload's number, the same on every retry of it (for idempotent receivers).</summary>
    public const string DeliveryHeader = "X-Lock-Simulator-Delivery";

    /// <summary>Uploads waiting to be sent; past this an upload is dropped and counted as failed.</summary>
    public const int QueueLength = 1_000;

    /// <summary>Waits before the retries of a failed delivery (wall time): four retries within 7.5 s.</summary>
    public static readonly int[] RetryDelaysMs = [500, 1_000, 2_000, 4_000];

    private readonly HttpClient _http;
    private readonly Channel<QueuedUpload> _queue =
        Channel.CreateBounded<QueuedUpload>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private readonly object _gate = new();
    private Target? _target;
    private long _uploads;
    private Counters _counters = new();

    public WebhookSender(ServerOptions options)
    {
        _http = new HttpClient(new SocketsHttpHandler { ConnectCallback = new WebhookAddressPolicy(options.AllowLinkLocalWebhooks).ConnectAsync, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        AllowLinkLocal = options.AllowLinkLocalWebhooks;
        _sending = Task.Run(SendAllAsync);
    }

    public bool AllowLinkLocal { get; }

    public WebhookView View
    {
        get
        {
            lock (_gate)
            {
                return new WebhookView(_target?.Url.ToString(), _counters.Delivered, _counters.Failed, _counters.Retried, _counters.LastError, SignatureHeader);
            }
        }
    }

    /// <summary>Sets (or with null clears) the URL and its secret; a new URL starts with fresh counters. Returns the secret in use.</summary>
    public string? Configure(string? url, string? secret)
    {
        Target? target = null;
        if (url != null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw ApiProblem.BadRequest($"'{url}' is not an absolute http or https URL");
            }

            if (!AllowLinkLocal && WebhookAddressPolicy.IsMetadataHost(parsed))
            {
                throw ApiProblem.BadRequest($"'{parsed.Host}' is a link-local or cloud metadata address: refused (start the server with --allow-link-local-webhooks to allow it)");
            }

            if (secret != null && (secret.Length < 16 || secret.Length > 256))
            {
                throw ApiProblem.BadRequest("secret must be 16 … 256 characters");
            }

            target = new Target(parsed, Encoding.UTF8.GetBytes(secret ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()));
        }

        lock (_gate)
        {
            if (_target?.Url != target?.Url)
            {
                _counters = new Counters();
            }

            _target = target;
        }

        return target == null ? null : secret;
    }

    public void Upload(WebhookPayload payload)
    {
        Target? target;
        lock (_gate)
        {
            target = _target;
        }

        if (target == null)
        {
            return;
        }

        byte[] body = JsonSerializer.SerializeToUtf8Bytes(payload, ServerJson.Options);
        if (!_queue.Writer.TryWrite(new QueuedUpload(target, Interlocked.Increment(ref _uploads), body)))
        {
            Count(target, delivered: false, retried: 0, "queue full: upload dropped");
        }
    }

    /// <summary>The signature a receiver checks: HMAC-SHA256 of the body under the secret, as "sha256=" + hex.</summary>
    public static string Sign(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(secret, body)).ToLowerInvariant();

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
        try
        {
            await foreach (QueuedUpload upload in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                await DeliverAsync(upload);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DeliverAsync(QueuedUpload upload)
    {
        string? error = null;
        for (int attempt = 0; attempt <= RetryDelaysMs.Length; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(RetryDelaysMs[attempt - 1], _stop.Token);
            }

            if (!IsCurrent(upload.Target))
            {
                return; // the webhook changed meanwhile: this upload was for the old one
            }

            try
            {
                using var content = new ByteArrayContent(upload.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var request = new HttpRequestMessage(HttpMethod.Post, upload.Target.Url) { Content = content };
                request.Headers.Add(SignatureHeader, Sign(upload.Target.Secret, upload.Body));
                request.Headers.Add(DeliveryHeader, upload.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using HttpResponseMessage response = await _http.SendAsync(request, _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    Count(upload.Target, delivered: true, attempt, null);
                    return;
                }

                error = $"{upload.Target.Url}: answered {(int)response.StatusCode}";
                if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                {
                    break; // the receiver refuses this body: sending it again will not help
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                error = $"{upload.Target.Url}: {e.Message}";
            }
        }

        Count(upload.Target, delivered: false, RetryDelaysMs.Length, error);
    }

    private bool IsCurrent(Target target)
    {
        lock (_gate)
        {
            return ReferenceEquals(_target, target);
        }
    }

    private void Count(Target target, bool delivered, int retried, string? error)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_target, target))
            {
                return;
            }

            _counters.Retried += retried;
            if (delivered)
            {
                _counters.Delivered++;
            }
            else
            {
                _counters.Failed++;
                _counters.LastError = error;
            }
        }
    }

    private sealed record Target(Uri Url, byte[] Secret);

    private sealed record QueuedUpload(Target Target, long Number, byte[] Body);

    private sealed class Counters
    {
        public long Delivered;
        public long Failed;
        public long Retried;
        public string? LastError;
    }
}
