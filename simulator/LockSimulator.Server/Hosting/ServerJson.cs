using System.Text.Json;
using System.Text.Json.Serialization;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// The one JSON shape of the server: camelCase, enums by their firmware names, nulls left out;
/// and strict reading: unknown fields, a field given twice and numbers sent as strings are
/// refused (each could mean something other than what the caller wants).
/// </summary>
public static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        return options;
    }
}
