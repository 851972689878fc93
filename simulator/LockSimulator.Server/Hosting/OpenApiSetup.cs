using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace LockSimulator.Server.Hosting;

/// <summary>The OpenAPI 3 document at /openapi/v1.json: the generated one, completed by <see cref="OpenApiCompletion"/>.</summary>
internal static class OpenApiSetup
{
    public static void Add(IServiceCollection services) => services.AddOpenApi(openApi =>
    {
        openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        openApi.AddDocumentTransformer(OpenApiCompletion.CompleteAsync);
    });
}
