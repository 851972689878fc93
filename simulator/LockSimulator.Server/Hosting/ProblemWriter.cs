using System.Text.Json;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// Writes every error of the server as RFC 9457 <c>application/problem+json</c> in one shape
/// (<see cref="Problem"/>), with a Content-Length, so a client in any language can rely on it.
/// </summary>
internal static class ProblemWriter
{
    public const string MediaType = "application/problem+json";

    /// <summary>Details quote the request ('abc', "Staff"): left readable rather than \u-escaped.</summary>
    private static readonly JsonSerializerOptions Readable = new(ServerJson.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Problem("about:blank", TitleOf(status), status, detail), Readable);
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = MediaType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>The reason phrase: the same title for the same status, as RFC 9457 asks of "about:blank".</summary>
    public static string TitleOf(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
