using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NanoSurface;

// The JSON API description, schemaVersion 1 (see ../shared/nano-api/README.md). Omitted
// lists read as empty and omitted flags as false, as the schema's conventions say.

internal sealed class ApiFile
{
    public int SchemaVersion { get; set; }
    public AssemblyInfo Assembly { get; set; } = new();
    public IReadOnlyList<ReferenceInfo> References { get; set; } = [];
    public IReadOnlyList<TypeModel> Types { get; set; } = [];
}

internal sealed class AssemblyInfo
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string Culture { get; set; } = "neutral";
    public string PublicKey { get; set; } = "";
    public string? NativeVersion { get; set; }
}

internal sealed class ReferenceInfo
{
    public string Name { get; set; } = "";
}

internal sealed class TypeModel
{
    public string FullName { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DeclaringType { get; set; }
    public string Kind { get; set; } = "";
    public string Accessibility { get; set; } = "public";
    public IReadOnlyList<string> Modifiers { get; set; } = [];
    public string? BaseType { get; set; }
    public IReadOnlyList<string> Interfaces { get; set; } = [];
    public IReadOnlyList<GenericParameterModel> GenericParameters { get; set; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
    public string? EnumUnderlyingType { get; set; }
    public IReadOnlyList<EnumMemberModel> EnumMembers { get; set; } = [];
    public SignatureModel? DelegateSignature { get; set; }
    public bool HasNonPublicInstanceFields { get; set; }
    public bool NonPublicInstanceFieldsContainReferences { get; set; }
    public IReadOnlyList<FieldModel> Fields { get; set; } = [];
    public IReadOnlyList<ConstructorModel> Constructors { get; set; } = [];
    public IReadOnlyList<MethodModel> Methods { get; set; } = [];
    public IReadOnlyList<PropertyModel> Properties { get; set; } = [];
    public IReadOnlyList<EventModel> Events { get; set; } = [];
}

internal sealed class GenericParameterModel
{
    public string Name { get; set; } = "";
    public string? Variance { get; set; }
    public IReadOnlyList<string> Constraints { get; set; } = [];
}

internal sealed class AttributeModel
{
    public string Type { get; set; } = "";
    public IReadOnlyList<TypedValue> Arguments { get; set; } = [];
    public IReadOnlyList<NamedArgumentModel> NamedArguments { get; set; } = [];
}

internal sealed class TypedValue
{
    public string Type { get; set; } = "";
    public JsonElement Value { get; set; }
}

internal sealed class NamedArgumentModel
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public JsonElement Value { get; set; }
}

internal sealed class EnumMemberModel
{
    public string Name { get; set; } = "";
    public JsonElement Value { get; set; }
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class SignatureModel
{
    public string ReturnType { get; set; } = "";
    public string? ReturnModifier { get; set; }
    public IReadOnlyList<ParameterModel> Parameters { get; set; } = [];
}

internal sealed class ParameterModel
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Modifier { get; set; }
    public bool HasDefault { get; set; }
    public JsonElement Default { get; set; }
    public bool Optional { get; set; }
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class FieldModel
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string Accessibility { get; set; } = "public";
    public IReadOnlyList<string> Modifiers { get; set; } = [];
    public JsonElement Value { get; set; }
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class ConstructorModel
{
    public string Accessibility { get; set; } = "public";
    public IReadOnlyList<ParameterModel> Parameters { get; set; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class MethodModel
{
    public string Name { get; set; } = "";
    public string? Accessibility { get; set; }
    public IReadOnlyList<string> Modifiers { get; set; } = [];
    public string? ExplicitInterface { get; set; }
    public bool Operator { get; set; }
    public bool Extension { get; set; }
    public bool Readonly { get; set; }
    public IReadOnlyList<GenericParameterModel> GenericParameters { get; set; } = [];
    public string ReturnType { get; set; } = "";
    public string? ReturnModifier { get; set; }
    public IReadOnlyList<ParameterModel> Parameters { get; set; } = [];
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class PropertyModel
{
    public string Name { get; set; } = "";
    public string? Accessibility { get; set; }
    public IReadOnlyList<string> Modifiers { get; set; } = [];
    public string? ExplicitInterface { get; set; }
    public string Type { get; set; } = "";
    public string? ReturnModifier { get; set; }
    public IReadOnlyList<ParameterModel> IndexerParameters { get; set; } = [];
    public AccessorModel? Getter { get; set; }
    public AccessorModel? Setter { get; set; }
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

internal sealed class AccessorModel
{
    public string? Accessibility { get; set; }
    public bool Readonly { get; set; }
    public bool Init { get; set; }
}

internal sealed class EventModel
{
    public string Name { get; set; } = "";
    public string? Accessibility { get; set; }
    public IReadOnlyList<string> Modifiers { get; set; } = [];
    public string? ExplicitInterface { get; set; }
    public string Type { get; set; } = "";
    public IReadOnlyList<AttributeModel> Attributes { get; set; } = [];
}

// Source-generated, so reading the files costs no reflection warm-up on each build.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiFile))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
