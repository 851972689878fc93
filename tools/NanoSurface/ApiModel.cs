using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoSurface;

// The JSON API description, schemaVersion 1 (see ../shared/nano-api/README.md). Omitted
// lists read as empty and omitted flags as false, as the schema's conventions say.

internal sealed class ApiFile
{
    public int SchemaVersion { get; init; }
    public AssemblyInfo Assembly { get; init; } = new();
    public IReadOnlyList<ReferenceInfo> References { get; init; } = [];
    public IReadOnlyList<TypeModel> Types { get; init; } = [];
}

internal sealed class AssemblyInfo
{
    public string Name { get; init; } = "";
    public string Version { get; init; } = "";
    public string Culture { get; init; } = "neutral";
    public string PublicKey { get; init; } = "";
    public string? NativeVersion { get; init; }
}

internal sealed class ReferenceInfo
{
    public string Name { get; init; } = "";
}

internal sealed class TypeModel
{
    public string FullName { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Name { get; init; } = "";
    public string? DeclaringType { get; init; }
    public string Kind { get; init; } = "";
    public string Accessibility { get; init; } = "public";
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public string? BaseType { get; init; }
    public IReadOnlyList<string> Interfaces { get; init; } = [];
    public IReadOnlyList<GenericParameterModel> GenericParameters { get; init; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
    public string? EnumUnderlyingType { get; init; }
    public IReadOnlyList<EnumMemberModel> EnumMembers { get; init; } = [];
    public SignatureModel? DelegateSignature { get; init; }
    public bool HasNonPublicInstanceFields { get; init; }
    public bool NonPublicInstanceFieldsContainReferences { get; init; }
    public IReadOnlyList<FieldModel> Fields { get; init; } = [];
    public IReadOnlyList<ConstructorModel> Constructors { get; init; } = [];
    public IReadOnlyList<MethodModel> Methods { get; init; } = [];
    public IReadOnlyList<PropertyModel> Properties { get; init; } = [];
    public IReadOnlyList<EventModel> Events { get; init; } = [];
}

internal sealed class GenericParameterModel
{
    public string Name { get; init; } = "";
    public string? Variance { get; init; }
    public IReadOnlyList<string> Constraints { get; init; } = [];
}

internal sealed class AttributeModel
{
    public string Type { get; init; } = "";
    public IReadOnlyList<TypedValue> Arguments { get; init; } = [];
    public IReadOnlyList<NamedArgumentModel> NamedArguments { get; init; } = [];
}

internal sealed class TypedValue
{
    public string Type { get; init; } = "";
    public JsonElement Value { get; init; }
}

internal sealed class NamedArgumentModel
{
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public JsonElement Value { get; init; }
}

internal sealed class EnumMemberModel
{
    public string Name { get; init; } = "";
    public JsonElement Value { get; init; }
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class SignatureModel
{
    public string ReturnType { get; init; } = "";
    public string? ReturnModifier { get; init; }
    public IReadOnlyList<ParameterModel> Parameters { get; init; } = [];
}

internal sealed class ParameterModel
{
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Modifier { get; init; }
    public bool HasDefault { get; init; }
    public JsonElement Default { get; init; }
    public bool Optional { get; init; }
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class FieldModel
{
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public string Accessibility { get; init; } = "public";
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public JsonElement Value { get; init; }
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class ConstructorModel
{
    public string Accessibility { get; init; } = "public";
    public IReadOnlyList<ParameterModel> Parameters { get; init; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class MethodModel
{
    public string Name { get; init; } = "";
    public string? Accessibility { get; init; }
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public string? ExplicitInterface { get; init; }
    public bool Operator { get; init; }
    public bool Extension { get; init; }
    public bool Readonly { get; init; }
    public IReadOnlyList<GenericParameterModel> GenericParameters { get; init; } = [];
    public string ReturnType { get; init; } = "";
    public string? ReturnModifier { get; init; }
    public IReadOnlyList<ParameterModel> Parameters { get; init; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class PropertyModel
{
    public string Name { get; init; } = "";
    public string? Accessibility { get; init; }
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public string? ExplicitInterface { get; init; }
    public string Type { get; init; } = "";
    public string? ReturnModifier { get; init; }
    public IReadOnlyList<ParameterModel> IndexerParameters { get; init; } = [];
    public AccessorModel? Getter { get; init; }
    public AccessorModel? Setter { get; init; }
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

internal sealed class AccessorModel
{
    public string? Accessibility { get; init; }
    public bool Readonly { get; init; }
    public bool Init { get; init; }
}

internal sealed class EventModel
{
    public string Name { get; init; } = "";
    public string? Accessibility { get; init; }
    public IReadOnlyList<string> Modifiers { get; init; } = [];
    public string? ExplicitInterface { get; init; }
    public string Type { get; init; } = "";
    public IReadOnlyList<AttributeModel> Attributes { get; init; } = [];
}

// Source-generated, so reading the files costs no reflection warm-up on each build.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiFile))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
