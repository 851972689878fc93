using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// Turns every failed request into problem+json: refusals and unreadable input as 4xx with a
/// detail in the client's words (<see cref="ClientWords"/>), an empty 4xx of the framework
/// (no such path, wrong method, wrong media type, body too large) likewise, anything else as a
/// 500 that is logged. The server itself never goes down with a request.
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
            (int status, string detail) = e switch
            {
                ApiProblem p => (p.Status, p.Message),
                BadHttpRequestException b => (b.StatusCode, ClientWords.Explain(b, context)),
                _ => (500, "the server failed on this request; its console log says why"),
            };
            if (status >= 500)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LockSimulator.Server").LogError(e, "request failed");
            }

            await ProblemWriter.WriteAsync(context, status, detail);
            return;
        }

        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0)
        {
            await ProblemWriter.WriteAsync(context, context.Response.StatusCode, ClientWords.ForStatus(context));
        }
    }
}
