using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// What every request must pass before it reaches an endpoint: the bearer token when one is
/// set; on a loopback server, a Host header that names loopback (a web page whose DNS name was
/// rebound to 127.0.0.1 still sends its own name); and no state change from a page of another
/// origin (a browser sends Origin with cross-site POSTs and WebSocket handshakes).
/// </summary>
internal sealed class RequestGuard
{
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "localhost", "[::1]", "::1"];

    private readonly byte[]? _token;
    private readonly bool _loopbackOnly;

    public RequestGuard(ServerOptions options)
    {
        _token = options.BearerToken == null ? null : Encoding.UTF8.GetBytes(options.BearerToken);
        _loopbackOnly = IPAddress.IsLoopback(options.Listen);
    }

    public async Task Handle(HttpContext context, RequestDelegate next)
    {
        string? refusal = Refusal(context, out int status);
        if (refusal != null)
        {
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await ProblemWriter.WriteAsync(context, status, refusal);
            return;
        }

        await next(context);
    }

    private string? Refusal(HttpContext context, out int status)
    {
        status = StatusCodes.Status400BadRequest;
        HttpRequest request = context.Request;
        if (_loopbackOnly && Array.IndexOf(LoopbackHosts, request.Host.Host.ToLowerInvariant()) < 0)
        {
            return $"this server answers only to a loopback Host (127.0.0.1, localhost, [::1]), not '{request.Host}'";
        }

        string? origin = request.Headers.Origin;
        bool changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || string.Equals(request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase);
        if (changesState && (origin != null && !SameOrigin(origin, request) || request.Headers["Sec-Fetch-Site"] == "cross-site"))
        {
            status = StatusCodes.Status403Forbidden;
            return $"requests from another origin ('{origin ?? "cross-site"}') may not change the simulator; call it from a backend or a test, not a web page";
        }

        if (_token != null && !HasToken(request))
        {
            status = StatusCodes.Status401Unauthorized;
            return "this server needs 'Authorization: Bearer <token>' with the token it was started with";
        }

        return null;
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out Uri? parsed) &&
        string.Equals(parsed.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) &&
        parsed.Scheme == request.Scheme;

    private bool HasToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        const string Prefix = "Bearer ";
        if (header == null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Prefix.Length..].Trim()), _token);
    }
}
