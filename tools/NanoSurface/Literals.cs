using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoSurface;

/// <summary>
/// Writes the description's values (constants, parameter defaults, attribute arguments) as C#
/// constant expressions of exactly the declared type, so the metadata constants match.
/// </summary>
internal sealed class Literals(ApiCatalog catalog)
{
    public string Format(string typeName, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            // Typed, so an attribute constructor or overload cannot become ambiguous.
            return $"default({TypeNames.ToCSharp(typeName)})";
        }

        switch (typeName)
        {
            case "System.Boolean":
                return value.GetBoolean() ? "true" : "false";
            case "System.Char":
                return SymbolDisplay.FormatLiteral(value.GetString()![0], quote: true);
            case "System.String":
                return SymbolDisplay.FormatLiteral(value.GetString()!, quote: true);
            case "System.Single":
                return Real(value, "F");
            case "System.Double":
                return Real(value, "D");
            case "System.Decimal":
                return $"{Number(value)}M";
            case "System.SByte" or "System.Byte" or "System.Int16" or "System.UInt16" or "System.Int32"
                or "System.UInt32" or "System.Int64" or "System.UInt64":
                return $"({TypeNames.ToCSharp(typeName)})({Number(value)})";
            case "System.Type":
                return $"typeof({TypeNames.ToCSharp(value.GetString()!)})";
        }

        if (catalog.IsEnum(typeName))
        {
            return $"({TypeNames.ToCSharp(typeName)})({Number(value)})"; // values are the underlying integer
        }

        if (typeName.EndsWith("[]", System.StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Array)
        {
            string element = typeName[..^2];
            return $"new {TypeNames.ToCSharp(typeName)} {{ {string.Join(", ", value.EnumerateArray().Select(v => Format(element, v)))} }}";
        }

        throw new SurfaceException($"cannot write a constant of type {typeName}: {value.GetRawText()}");
    }

    // Integers beyond ±2^53 arrive as strings; the text is a valid C# literal either way.
    private static string Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Real(JsonElement value, string suffix)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return $"({value.GetRawText()}{suffix})"; // JSON number syntax is C# real-literal syntax
        }

        // Constant expressions, so no member of System.Double is needed (this may be mscorlib itself).
        return value.GetString() switch
        {
            "NaN" => $"(0.0{suffix} / 0.0{suffix})",
            "Infinity" => $"(1.0{suffix} / 0.0{suffix})",
            "-Infinity" => $"(-1.0{suffix} / 0.0{suffix})",
            "-0" => $"(-0.0{suffix})",
            string other => throw new SurfaceException($"cannot write the floating-point constant '{other}'."),
            null => throw new SurfaceException("a floating-point constant is missing."),
        };
    }
}
