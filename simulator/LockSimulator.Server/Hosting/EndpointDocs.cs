using LockSimulator.Server.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LockSimulator.Server.Hosting;

/// <summary>How endpoints document their errors: the one <see cref="Problem"/> shape as application/problem+json.</summary>
internal static class EndpointDocs
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (int status in statuses)
        {
            endpoint.Produces<Problem>(status, ProblemWriter.MediaType);
        }

        return endpoint;
    }
}
