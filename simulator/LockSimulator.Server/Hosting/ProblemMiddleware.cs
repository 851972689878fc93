using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// Turns every exception of a request into problem+json: refusals and unreadable input as
/// 4xx, anything else as a 500 that is logged. The server itself never goes down with a request.
/// </summary>
internal static class ProblemMiddleware
{
    public static async Task Handle(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            (int status, string title, string detail) = e switch
            {
                ApiProblem p => (p.Status, p.Title, p.Message),
                BadHttpRequestException b => (b.StatusCode, "Bad request", Explain(b)),
                _ => (500, "Internal error", e.Message),
            };
            if (status >= 500)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LockSimulator.Server").LogError(e, "request failed");
            }

            context.Response.Clear();
            await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
        }
    }

    /// <summary>The JSON reader's own words say which field was wrong; the wrapper's only that the body was.</summary>
    private static string Explain(BadHttpRequestException e) =>
        e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message;
}
