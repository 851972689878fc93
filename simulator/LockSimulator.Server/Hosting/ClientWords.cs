using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// What went wrong with a request, said in terms of its URL and JSON fields, never in .NET
/// type names: the framework's and the JSON reader's messages are translated here.
/// </summary>
internal static partial class ClientWords
{
    public static string Explain(BadHttpRequestException e, HttpContext context)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (e.InnerException is JsonException json)
        {
            return Json(json);
        }

        Match binding = BindFailure().Match(e.Message);
        if (binding.Success)
        {
            return $"'{binding.Groups["value"].Value}' is not a valid {binding.Groups["name"].Value}: it must be {TypeWords(binding.Groups["type"].Value)}";
        }

        Match missing = RequiredMissing().Match(e.Message);
        if (missing.Success)
        {
            return $"the {missing.Groups["source"].Value.ToLowerInvariant()} parameter '{missing.Groups["name"].Value}' is required";
        }

        if (e.Message.Contains("no body was provided", StringComparison.Ordinal) || e.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
        {
            return "this request needs a JSON body (Content-Type: application/json); see /openapi/v1.json";
        }

        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return UnsupportedMediaType(context);
        }

        return "the request could not be read: " + e.Message.Split('.')[0];
    }

    /// <summary>A JSON body that does not fit the request's schema, field by field.</summary>
    public static string Json(JsonException e)
    {
        string path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "the body" : e.Path;
        string message = e.Message;
        Match converted = ConvertFailure().Match(message);
        if (converted.Success)
        {
            return $"{path} must be {TypeWords(converted.Groups["type"].Value)}";
        }

        Match unknown = UnknownMember().Match(message);
        if (unknown.Success)
        {
            return $"unknown field '{unknown.Groups["name"].Value}' (a typo?); see the request's schema in /openapi/v1.json";
        }

        Match required = MissingRequired().Match(message);
        if (required.Success)
        {
            return $"missing required field(s): {required.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal)}";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"{path} appears more than once in the object: give every field once";
        }

        Match position = Position().Match(message);
        string where = position.Success ? $" (line {int.Parse(position.Groups["line"].Value) + 1}, byte {position.Groups["byte"].Value})" : "";
        return $"the body is not valid JSON{where}";
    }

    /// <summary>The detail of an empty error answer of the framework itself.</summary>
    public static string ForStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"no endpoint at {context.Request.Path}; the endpoints are listed in /openapi/v1.json",
        StatusCodes.Status405MethodNotAllowed =>
            $"{context.Request.Path} does not take {context.Request.Method}; it takes {(context.Response.Headers.Allow.Count > 0 ? string.Join(", ", context.Response.Headers.Allow.ToArray()) : "other methods")}",
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(context),
        int status => ProblemWriter.TitleOf(status),
    };

    private static string TooLarge() =>
        $"the body is larger than this server accepts ({SimulatorServer.MaxRequestBodyBytes / 1024} KiB); requests here are small JSON objects";

    private static string UnsupportedMediaType(HttpContext context) =>
        $"the body must be JSON sent as Content-Type: application/json, not '{context.Request.ContentType ?? "(none)"}'";

    /// <summary>A .NET type as the JSON value it stands for.</summary>
    private static string TypeWords(string netType)
    {
        string type = NullableOf().Match(netType) is { Success: true } m ? m.Groups["inner"].Value : netType;
        type = type.Split('.').Last().TrimEnd(']').TrimEnd('?');
        return type switch
        {
            "Byte" => "an integer 0 … 255",
            "UInt16" => "an integer 0 … 65535",
            "UInt32" or "uint" => "an integer 0 … 4294967295",
            "Int32" or "int" => "an integer −2147483648 … 2147483647",
            "Int64" or "long" => "an integer",
            "Double" or "double" or "Single" => "a number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "a string",
            "DateTimeOffset" or "DateTime" => "a date and time as an ISO 8601 string, e.g. \"2026-01-05T07:00:00Z\"",
            "TimeSpan" => "a duration string such as \"01:30:00\"",
            "Role" => "one of \"Staff\", \"Installer\", \"Admin\"",
            "DayOfWeek" or "DayOfWeek[]" => "weekday names such as \"Monday\"",
            _ when type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ => "a JSON value of the type the schema in /openapi/v1.json gives",
        };
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "\S+ (?<name>\w+)" was not provided from (?<source>\w+)""")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("""could not be converted to (?<type>\S+?)\. Path""")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex("""The JSON property '(?<name>[^']*)' could not be mapped""")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("""missing required properties including: (?<names>.*)\.""")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("""LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)""")]
    private static partial Regex Position();

    [GeneratedRegex("""Nullable`1\[+(?<inner>[^\],]+)""")]
    private static partial Regex NullableOf();
}
