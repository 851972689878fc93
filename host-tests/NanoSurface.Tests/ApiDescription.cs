using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace NanoSurface.Tests;

/// <summary>
/// One line per type and member, written the same way from the JSON description and from the
/// compiler's view of a generated assembly, so a round trip compares as text.
/// </summary>
internal static class ApiDescription
{
    // The attributes the schema keeps (README: "Attributes").
    private static readonly HashSet<string> KeptAttributes =
    [
        "System.FlagsAttribute", "System.ObsoleteAttribute", "System.AttributeUsageAttribute",
        "System.Reflection.DefaultMemberAttribute", "System.Diagnostics.ConditionalAttribute",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
    ];

    public static List<string> FromJson(TypeModel type)
    {
        string Value(string typeName, JsonElement value) => JsonValue(typeName, value);
        string Attributes(IReadOnlyList<AttributeModel> attributes) => string.Concat(attributes.Select(a =>
            $" [{a.Type}({string.Join(", ", a.Arguments.Select(x => Value(x.Type, x.Value)).Concat(a.NamedArguments.Select(x => $"{x.Name}={Value(x.Type, x.Value)}")))})]"));
        string Parameters(IReadOnlyList<ParameterModel> parameters) => string.Join(", ", parameters.Select(p =>
            $"{p.Modifier} {p.Type} {p.Name}{(p.HasDefault ? " = " + Value(p.Type, p.Default) : "")}{(p.Optional ? " optional" : "")}{Attributes(p.Attributes)}".TrimStart()));
        string Modifiers(string? access, IReadOnlyList<string> modifiers) => string.Join(' ', modifiers.Order().Prepend(access ?? "explicit"));
        string Generics(IReadOnlyList<GenericParameterModel> generics) => string.Concat(generics.Select(g =>
            $" <{g.Variance} {g.Name}: {string.Join(", ", g.Constraints.Order())}>"));

        var lines = new List<string>
        {
            $"type {type.FullName} {type.Kind} in {type.DeclaringType} {Modifiers(type.Accessibility, type.Kind is "class" or "struct" ? type.Modifiers : [])}"
            + $" : {type.BaseType}; {string.Join(", ", type.Interfaces.Order())}{Generics(type.GenericParameters)}{Attributes(type.Attributes)}",
        };
        if (type.Kind == "enum")
        {
            lines.Add($"enum {type.EnumUnderlyingType}");
            lines.AddRange(type.EnumMembers.Select(m => $"member {m.Name} = {Value(type.EnumUnderlyingType!, m.Value)}{Attributes(m.Attributes)}"));
        }

        if (type.DelegateSignature is { } signature)
        {
            lines.Add($"delegate {signature.ReturnModifier} {signature.ReturnType}({Parameters(signature.Parameters)})");
        }

        lines.AddRange(type.Fields.Select(f =>
            $"field {Modifiers(f.Accessibility, f.Modifiers)} {f.Type} {f.Name}{(f.Modifiers.Contains("const") ? " = " + Value(f.Type, f.Value) : "")}{Attributes(f.Attributes)}"));
        lines.AddRange(type.Constructors.Select(c => $"ctor {c.Accessibility} ({Parameters(c.Parameters)}){Attributes(c.Attributes)}"));
        lines.AddRange(type.Methods.Select(m =>
            $"method {Modifiers(m.Accessibility, m.Modifiers)} {Flags(m.Operator, m.Extension, m.Readonly)}{m.ReturnModifier} {m.ReturnType} "
            + $"{Explicit(m.ExplicitInterface)}{m.Name}{Generics(m.GenericParameters)}({Parameters(m.Parameters)}){Attributes(m.Attributes)}"));
        lines.AddRange(type.Properties.Select(p =>
            $"property {Modifiers(p.Accessibility, p.Modifiers)} {p.ReturnModifier} {p.Type} {Explicit(p.ExplicitInterface)}{p.Name}[{Parameters(p.IndexerParameters)}]"
            + $" {Accessor("get", p.Getter)} {Accessor(p.Setter?.Init == true ? "init" : "set", p.Setter)}{Attributes(p.Attributes)}"));
        lines.AddRange(type.Events.Select(e => $"event {Modifiers(e.Accessibility, e.Modifiers)} {e.Type} {Explicit(e.ExplicitInterface)}{e.Name}{Attributes(e.Attributes)}"));
        return lines;
    }

    public static List<string> FromSymbol(INamedTypeSymbol type)
    {
        string Attributes(ISymbol symbol) => string.Concat(symbol.GetAttributes()
            .Where(a => KeptAttributes.Contains(Name(a.AttributeClass!)))
            .Select(a => $" [{Name(a.AttributeClass!)}({string.Join(", ", a.ConstructorArguments.Select(Constant).Concat(a.NamedArguments.Select(n => $"{n.Key}={Constant(n.Value)}")))})]"));
        string Parameters(IEnumerable<IParameterSymbol> parameters) => string.Join(", ", parameters.Select(p =>
            $"{ParameterModifier(p)} {Name(p.Type)} {p.Name}{(p.HasExplicitDefaultValue ? " = " + ClrValue(p.ExplicitDefaultValue) : "")}{(p.IsOptional && !p.HasExplicitDefaultValue ? " optional" : "")}{Attributes(p)}".TrimStart()));
        string Modifiers(ISymbol member) => string.Join(' ', MemberModifiers(member).Order().Prepend(IsExplicit(member) ? "explicit" : Access(member)));
        string Generics(IEnumerable<ITypeParameterSymbol> generics) => string.Concat(generics.Select(g =>
            $" <{Variance(g)} {g.Name}: {string.Join(", ", Constraints(g).Order())}>"));
        string Returns(bool byRef, bool byRefReadonly) => byRefReadonly ? "ref readonly" : byRef ? "ref" : "";

        var typeModifiers = new List<string>();
        if (type.TypeKind == TypeKind.Class)
        {
            typeModifiers.AddRange(type.IsStatic ? ["static"] : type.IsAbstract ? ["abstract"] : type.IsSealed ? ["sealed"] : []);
        }
        else if (type.TypeKind == TypeKind.Struct)
        {
            typeModifiers.AddRange((type.IsReadOnly ? ["readonly"] : Array.Empty<string>()).Concat(type.IsRefLikeType ? ["ref"] : []));
        }

        string kind = type.TypeKind.ToString().ToLowerInvariant();
        var lines = new List<string>
        {
            $"type {Name(type)} {kind} in {(type.ContainingType is null ? "" : Name(type.ContainingType))} {string.Join(' ', typeModifiers.Order().Prepend(Access(type)))}"
            + $" : {(type.BaseType is null ? "" : Name(type.BaseType))}; {string.Join(", ", type.Interfaces.Select(Name).Order())}{Generics(type.TypeParameters)}{Attributes(type)}",
        };
        if (type.TypeKind == TypeKind.Enum)
        {
            lines.Add($"enum {Name(type.EnumUnderlyingType!)}");
            lines.AddRange(type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => $"member {f.Name} = {ClrValue(f.ConstantValue)}{Attributes(f)}"));
            return lines;
        }

        if (type.DelegateInvokeMethod is { } invoke)
        {
            lines.Add($"delegate {Returns(invoke.ReturnsByRef, invoke.ReturnsByRefReadonly)} {Name(invoke.ReturnType)}({Parameters(invoke.Parameters)})");
            return lines;
        }

        ISymbol[] members = type.GetMembers().Where(m => IsVisible(m) || IsExplicit(m)).ToArray();
        lines.AddRange(members.OfType<IFieldSymbol>().Select(f =>
            $"field {Modifiers(f)} {Name(f.Type)} {f.Name}{(f.IsConst ? " = " + ClrValue(f.ConstantValue) : "")}{Attributes(f)}"));
        lines.AddRange(members.OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Constructor && !m.IsImplicitlyDeclared)
            .Select(c => $"ctor {Access(c)} ({Parameters(c.Parameters)}){Attributes(c)}"));
        lines.AddRange(members.OfType<IMethodSymbol>()
            .Where(m => m.MethodKind is MethodKind.Ordinary or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.Destructor
                || m.MethodKind == MethodKind.ExplicitInterfaceImplementation && !ImplementsAccessor(m))
            .Select(m =>
                $"method {Modifiers(m)} {Flags(m.MethodKind is MethodKind.UserDefinedOperator or MethodKind.Conversion, m.IsExtensionMethod, m.IsReadOnly && !type.IsReadOnly)}"
                + $"{Returns(m.ReturnsByRef, m.ReturnsByRefReadonly)} {Name(m.ReturnType)} {ExplicitName(m)}{Generics(m.TypeParameters)}({Parameters(m.Parameters)}){Attributes(m)}"));
        lines.AddRange(members.OfType<IPropertySymbol>().Select(p =>
            $"property {Modifiers(p)} {Returns(p.ReturnsByRef, p.ReturnsByRefReadonly)} {Name(p.Type)} {ExplicitName(p)}[{Parameters(p.Parameters)}]"
            + $" {Accessor(p, p.GetMethod, "get")} {Accessor(p, p.SetMethod, p.SetMethod?.IsInitOnly == true ? "init" : "set")}{Attributes(p)}"));
        lines.AddRange(members.OfType<IEventSymbol>().Select(e => $"event {Modifiers(e)} {Name(e.Type)} {ExplicitName(e)}{Attributes(e)}"));
        return lines;
    }

    /// <summary>A type as the description writes it: metadata names, '+' for nesting, arity suffixes.</summary>
    public static string Name(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => $"{Name(array.ElementType)}[{new string(',', array.Rank - 1)}]",
        IPointerTypeSymbol pointer => Name(pointer.PointedAtType) + "*",
        ITypeParameterSymbol parameter => parameter.Name,
        INamedTypeSymbol { ContainingType: { } outer } named => $"{Name(outer.OriginalDefinition)}+{named.MetadataName}{Arguments(named)}",
        INamedTypeSymbol named when named.ContainingNamespace.IsGlobalNamespace => named.MetadataName + Arguments(named),
        INamedTypeSymbol named => $"{named.ContainingNamespace.ToDisplayString()}.{named.MetadataName}{Arguments(named)}",
        _ => throw new ArgumentException($"unexpected type {type}"),
    };

    private static string Arguments(INamedTypeSymbol type) =>
        type.IsDefinition || type.TypeArguments.Length == 0 ? "" : $"<{string.Join(",", type.TypeArguments.Select(Name))}>";

    private static string Flags(bool isOperator, bool isExtension, bool isReadonly) =>
        (isOperator ? "operator " : "") + (isExtension ? "extension " : "") + (isReadonly ? "readonly " : "");

    private static string Explicit(string? explicitInterface) => explicitInterface is null ? "" : explicitInterface + ".";

    private static string Accessor(string keyword, AccessorModel? accessor) =>
        accessor is null ? "-" : $"{keyword}:{accessor.Accessibility}{(accessor.Readonly ? " readonly" : "")}";

    private static string Accessor(IPropertySymbol property, IMethodSymbol? accessor, string keyword) =>
        accessor is null || !(IsVisible(accessor) || IsExplicit(property))
            ? "-"
            : $"{keyword}:{(IsExplicit(property) ? "" : Access(accessor))}{(accessor.IsReadOnly && !property.ContainingType.IsReadOnly ? " readonly" : "")}";

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

    private static bool IsExplicit(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.MethodKind == MethodKind.ExplicitInterfaceImplementation,
        IPropertySymbol p => p.ExplicitInterfaceImplementations.Length > 0,
        IEventSymbol e => e.ExplicitInterfaceImplementations.Length > 0,
        _ => false,
    };

    /// <summary>
    /// An explicit indexer's accessors read back as plain explicit implementations (Roslyn does
    /// so for the .NET reference assemblies too); the description lists them under the property.
    /// </summary>
    public static bool ImplementsAccessor(IMethodSymbol method) =>
        method.ExplicitInterfaceImplementations.Any(i => i.AssociatedSymbol is not null);

    // The JSON names an explicit implementation by the interface and its member; the metadata
    // name must not carry the "global::" the source could have written.
    private static string ExplicitName(ISymbol member)
    {
        ISymbol? implemented = member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.FirstOrDefault(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations.FirstOrDefault(),
            IEventSymbol e => e.ExplicitInterfaceImplementations.FirstOrDefault(),
            _ => null,
        };
        string alias = member.MetadataName.Contains("::", StringComparison.Ordinal) ? " (alias in metadata name)" : "";
        return implemented is null ? member.MetadataName : $"{Name(implemented.ContainingType)}.{implemented.MetadataName}{alias}";
    }

    private static string Access(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        var other => other.ToString(),
    };

    private static IEnumerable<string> MemberModifiers(ISymbol member)
    {
        if (IsExplicit(member))
        {
            yield break;
        }

        if (member is IFieldSymbol field)
        {
            if (field.IsConst) { yield return "const"; yield break; }
            if (field.IsStatic) { yield return "static"; }
            if (field.IsReadOnly) { yield return "readonly"; }
            if (field.IsVolatile) { yield return "volatile"; }
            yield break;
        }

        if (member.IsStatic) { yield return "static"; }
        if (member.IsAbstract) { yield return "abstract"; }
        if (member.IsVirtual) { yield return "virtual"; }
        if (member.IsOverride) { yield return "override"; }
        if (member.IsSealed) { yield return "sealed"; }
    }

    private static string ParameterModifier(IParameterSymbol parameter) => parameter switch
    {
        { RefKind: RefKind.Ref } => "ref",
        { RefKind: RefKind.Out } => "out",
        { RefKind: RefKind.In } => "in",
        { IsParams: true } => "params",
        { IsThis: true } => "this",
        { Ordinal: 0, ContainingSymbol: IMethodSymbol { IsExtensionMethod: true } } => "this",
        _ => "",
    };

    private static string Variance(ITypeParameterSymbol parameter) => parameter.Variance switch
    {
        VarianceKind.In => "in",
        VarianceKind.Out => "out",
        _ => "",
    };

    private static IEnumerable<string> Constraints(ITypeParameterSymbol parameter) =>
        (parameter.HasReferenceTypeConstraint ? ["class"] : Array.Empty<string>())
            .Concat(parameter.HasValueTypeConstraint ? ["struct"] : [])
            .Concat(parameter.HasConstructorConstraint ? ["new()"] : [])
            .Concat(parameter.ConstraintTypes.Select(Name));

    private static string Constant(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Array => $"[{string.Join(", ", constant.Values.Select(Constant))}]",
        TypedConstantKind.Type => constant.Value is ITypeSymbol t ? "typeof " + Name(t) : "null",
        _ => ClrValue(constant.Value),
    };

    // Values in one spelling whatever their source: floating point by bit pattern.
    private static string ClrValue(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        char c => $"'{c}'",
        string s => $"\"{s}\"",
        double d => double.IsNaN(d) ? "NaN" : "d:" + BitConverter.DoubleToInt64Bits(d).ToString("x", CultureInfo.InvariantCulture),
        float f => float.IsNaN(f) ? "NaN" : "f:" + BitConverter.SingleToInt32Bits(f).ToString("x", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static string JsonValue(string typeName, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "null";
        }

        string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return typeName switch
        {
            "System.Boolean" => value.GetBoolean() ? "true" : "false",
            "System.Char" => $"'{text}'",
            "System.String" => $"\"{text}\"",
            "System.Double" => ClrValue(text switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                "-0" => -0.0,
                _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            }),
            "System.Single" => ClrValue(text switch
            {
                "NaN" => float.NaN,
                "Infinity" => float.PositiveInfinity,
                "-Infinity" => float.NegativeInfinity,
                "-0" => -0.0f,
                _ => float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            }),
            "System.Type" => "typeof " + text,
            _ when typeName.EndsWith("[]", StringComparison.Ordinal) =>
                $"[{string.Join(", ", value.EnumerateArray().Select(v => JsonValue(typeName[..^2], v)))}]",
            _ => text, // integers, and enums as their underlying integer
        };
    }
}
