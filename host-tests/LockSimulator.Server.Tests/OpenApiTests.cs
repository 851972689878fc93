using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace LockSimulator.Server.Tests;

/// <summary>The OpenAPI document is served, parses, covers every endpoint, and is complete enough to generate a client from.</summary>
public class OpenApiTests
{
    private static readonly string[] Paths =
    [
        "/", "/locks", "/locks/{id}", "/locks/bulk", "/locks/page", "/locks/{id}/events",
        "/locks/{id}/button", "/locks/{id}/battery", "/locks/{id}/battery/replace", "/locks/{id}/door", "/locks/{id}/jam",
        "/locks/{id}/friction", "/locks/{id}/motor", "/locks/{id}/power", "/locks/{id}/mains", "/locks/{id}/fault",
        "/locks/{id}/audit", "/locks/{id}/trace", "/locks/{id}/trace.vcd",
        "/time", "/time/pause", "/time/advance", "/time/run",
        "/locks/{id}/phone/unlock", "/locks/{id}/phone/lock", "/locks/{id}/phone/status", "/locks/{id}/phone/sync",
        "/locks/{id}/phone/selftest", "/locks/{id}/phone/battery-change", "/locks/{id}/pair",
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

    [Fact]
    public async Task Every_operation_has_an_id_examples_and_the_problem_schema_for_errors()
    {
        await using TestServer server = await TestServer.StartAsync();
        using JsonDocument document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        JsonElement root = document.RootElement;
        JsonElement[] operations = root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToArray();

        string[] ids = operations.Select(o => o.GetProperty("operationId").GetString()!).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (JsonElement operation in operations)
        {
            string id = operation.GetProperty("operationId").GetString()!;
            JsonElement[] bodies = operation.GetProperty("responses").EnumerateObject().Select(r => r.Value)
                .Concat(operation.TryGetProperty("requestBody", out JsonElement request) ? [request] : [])
                .Where(b => b.TryGetProperty("content", out _))
                .SelectMany(b => b.GetProperty("content").EnumerateObject().Select(c => c.Value)).ToArray();
            Assert.All(bodies, body => Assert.True(body.TryGetProperty("example", out _), $"{id}: a body without an example"));
            JsonElement error = operation.GetProperty("responses").GetProperty("default").GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal("#/components/schemas/Problem", error.GetProperty("schema").GetProperty("$ref").GetString());
        }

        JsonElement schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["detail", "status", "title", "type"], schemas.GetProperty("Problem").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("integer", schemas.GetProperty("CreateLockRequest").GetProperty("properties").GetProperty("lockId").GetProperty("type").GetString());
        Assert.Contains("Jammed", Enum(schemas, "LockView", "state"));
        Assert.Contains("JammedWhileLocking", Enum(schemas, "LockView", "alarm"));
        Assert.Contains("Critical", Enum(schemas, "LockView", "batteryLevel"));
        Assert.Contains("gas-risk", Enum(schemas, "CreateLockRequest", "battery"));
        Assert.Equal(new string?[] { "door", "port", "laundry" }, Enum(schemas, "CreateLockRequest", "kind"));
        Assert.Equal(new string?[] { "door", "port", "laundry" }, Enum(schemas, "LockView", "kind"));
        Assert.Contains("NeedsImmediateVerification", schemas.GetProperty("WarningsView").GetProperty("properties").GetProperty("names").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("led.green", Enum(schemas, "FleetEvent", "kind"));
        Assert.Contains("OutsideWindow", Enum(schemas, "PhoneResult", "result"));
        Assert.Contains("Paired", Enum(schemas, "AuditRecordView", "event"));
        Assert.Contains("refusal is not an HTTP error", root.GetProperty("info").GetProperty("description").GetString()!.Replace("A lock that refuses is not an HTTP error", "refusal is not an HTTP error"));
    }

    [Fact]
    public async Task Every_error_the_server_sends_fits_the_problem_schema()
    {
        await using TestServer server = await TestServer.StartAsync();
        foreach ((string method, string path, string? body) in new[] { ("GET", "/locks/abc", null), ("DELETE", "/time", null), ("POST", "/locks", """{"lockId":"77"}"""), ("GET", "/locks/9", (string?)null) })
        {
            (int status, string? type, JsonElement problem) = await server.SendAsync(new System.Net.Http.HttpMethod(method), path, body);
            Assert.Equal("application/problem+json", type);
            Assert.Equal(["detail", "status", "title", "type"], problem.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString());
            Assert.DoesNotContain("Nullable", problem.GetProperty("detail").GetString());
        }
    }

    private static string?[] Enum(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToArray();
}
