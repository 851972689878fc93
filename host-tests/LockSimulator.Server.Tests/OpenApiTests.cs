using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace LockSimulator.Server.Tests;

/// <summary>The OpenAPI document is served, parses, and covers every endpoint group.</summary>
public class OpenApiTests
{
    private static readonly string[] Paths =
    [
        "/", "/locks", "/locks/{id}",
        "/locks/{id}/button", "/locks/{id}/battery", "/locks/{id}/battery/replace", "/locks/{id}/door", "/locks/{id}/jam",
        "/locks/{id}/friction", "/locks/{id}/motor", "/locks/{id}/power", "/locks/{id}/fault",
        "/locks/{id}/audit", "/locks/{id}/trace", "/locks/{id}/trace.vcd",
        "/time", "/time/pause", "/time/advance", "/time/run",
        "/locks/{id}/phone/unlock", "/locks/{id}/phone/lock", "/locks/{id}/phone/status", "/locks/{id}/phone/sync",
        "/locks/{id}/phone/selftest", "/locks/{id}/phone/battery-change",
        "/backend/credentials", "/backend/time-tokens",
        "/events", "/events/log", "/events/digest", "/locks/{id}/ble", "/webhook",
    ];

    [Fact]
    public async Task The_document_is_openapi_3_with_a_path_for_every_endpoint()
    {
        await using TestServer server = await TestServer.StartAsync();
        using JsonDocument document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        JsonElement root = document.RootElement;

        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.Equal("Lock simulator server", root.GetProperty("info").GetProperty("title").GetString());
        string[] documented = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(Paths.Order(), documented.Order());
        Assert.All(root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()),
            operation => Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} without a summary"));
        Assert.True(root.GetProperty("components").GetProperty("schemas").TryGetProperty("LockView", out _));
    }
}
