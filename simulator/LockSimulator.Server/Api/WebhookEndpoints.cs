using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;
using LockSimulator.Server.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LockSimulator.Server.Api;

/// <summary>Where the virtual phones upload status and synced audit records (a WebhookPayload per POST).</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        RouteGroupBuilder group = app.MapGroup("/webhook").WithTags("Webhooks");

        group.MapGet("", (WebhookSender webhooks) => webhooks.View)
            .WithName("getWebhook")
            .WithSummary("The webhook URL and its delivery counts");

        group.MapPut("", (WebhookRequest request, WebhookSender webhooks) =>
            {
                string? secret = webhooks.Configure(request.Url, request.Secret);
                return webhooks.View with { Secret = secret };
            })
            .WithName("setWebhook")
            .WithSummary("Upload to this URL: status after a phone's status, audit records and status after a sync")
            .WithDescription("Each upload is a POST of a WebhookPayload with Content-Length and the header X-Lock-Simulator-Signature: sha256=<hex HMAC-SHA256 of the body " +
                             "under the secret> (X-Lock-Simulator-Delivery numbers it; the same on retries). A failed delivery is retried after 0.5, 1, 2 and 4 s. " +
                             "Setting a different URL resets the counters. The answer carries the secret (made by the server when not given).")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapDelete("", (WebhookSender webhooks) =>
            {
                webhooks.Configure(null, null);
                return webhooks.View;
            })
            .WithName("removeWebhook")
            .WithSummary("Stop uploading");
    }
}
