using LockSimulator.Server.Contracts;
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
            .WithSummary("The webhook URL and its delivery counts");

        group.MapPut("", (WebhookRequest request, WebhookSender webhooks) =>
            {
                webhooks.Configure(request.Url);
                return webhooks.View;
            })
            .WithSummary("Upload to this URL: status after a phone's status, audit records and status after a sync")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapDelete("", (WebhookSender webhooks) =>
            {
                webhooks.Configure(null);
                return webhooks.View;
            })
            .WithSummary("Stop uploading");
    }
}
