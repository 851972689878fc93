using System.Text.Json;
using System.Text.Json.Serialization;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// The one JSON shape of the server: camelCase, enums by their firmware names, nulls left out,
/// and unknown request fields refused (a typo should be a 400, not a silent default).
/// </summary>
public static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }
}
