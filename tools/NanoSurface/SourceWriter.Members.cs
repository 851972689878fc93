using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoSurface;

/// <summary>Member declarations: every body is <c>throw null</c>, nothing adds state.</summary>
internal sealed partial class SourceWriter
{
    private const string Body = " => throw null;";

    private static readonly Dictionary<string, string> OperatorTokens = new()
    {
        ["op_UnaryPlus"] = "+", ["op_UnaryNegation"] = "-", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~",
        ["op_Increment"] = "++", ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_Modulus"] = "%", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^",
        ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>", ["op_UnsignedRightShift"] = ">>>",
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<", ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=",
        ["op_CheckedUnaryNegation"] = "checked -", ["op_CheckedIncrement"] = "checked ++",
        ["op_CheckedDecrement"] = "checked --", ["op_CheckedAddition"] = "checked +",
        ["op_CheckedSubtraction"] = "checked -", ["op_CheckedMultiply"] = "checked *",
        ["op_CheckedDivision"] = "checked /",
    };

    private void WriteMembers(TypeModel type, string typeName)
    {
        WritePrivateFields(type);
        foreach (FieldModel field in type.Fields)
        {
            WriteField(field);
        }

        WriteConstructors(type, typeName);
        foreach (MethodModel method in type.Methods)
        {
            WriteMethod(type, typeName, method);
        }

        foreach (PropertyModel property in type.Properties)
        {
            WriteProperty(type, property);
        }

        foreach (EventModel e in type.Events)
        {
            WriteEvent(type, e);
        }
    }

    // As compiler-made reference assemblies do: a struct's hidden fields decide whether it is
    // unmanaged and how definite assignment treats it, so keep one of the right kind.
    private void WritePrivateFields(TypeModel type)
    {
        if (type.Kind != "struct" || !type.HasNonPublicInstanceFields)
        {
            return;
        }

        string modifier = type.Modifiers.Contains("readonly") ? "private readonly" : "private";
        Line(type.NonPublicInstanceFieldsContainReferences
            ? $"{modifier} object _dummy;"
            : $"{modifier} int _dummyPrimitive;");
    }

    private void WriteField(FieldModel field)
    {
        WriteAttributes(field.Attributes);
        string declaration = $"{string.Join(' ', field.Modifiers.Prepend(field.Accessibility))} {TypeNames.ToCSharp(field.Type)} {TypeNames.Identifier(field.Name)}";
        Line(field.Modifiers.Contains("const")
            ? $"{declaration} = {_literals.Format(field.Type, field.Value)};"
            : $"{declaration};");
    }

    private void WriteConstructors(TypeModel type, string typeName)
    {
        string baseCall = BaseConstructorCall(type);
        foreach (ConstructorModel constructor in type.Constructors)
        {
            WriteAttributes(constructor.Attributes);
            Line($"{constructor.Accessibility} {typeName}({Parameters(constructor.Parameters)}){baseCall}{Body}");
        }

        // No listed constructor means none callable from outside; without this one C# would add a
        // public (or protected) default constructor.
        if (type.Kind == "class" && type.Constructors.Count == 0 && !type.Modifiers.Contains("static"))
        {
            Line($"internal {typeName}(){baseCall}{Body}");
        }
    }

    // The base class's constructors are all known; when none takes zero arguments, chain to the
    // shortest with typed defaults (unambiguous, and the body never runs).
    private string BaseConstructorCall(TypeModel type)
    {
        TypeModel? baseType = type.Kind == "class" && type.BaseType is not null ? _catalog.Find(type.BaseType) : null;
        if (baseType is null
            || baseType.Constructors.Count == 0
            || baseType.Constructors.Any(c => c.Parameters.All(p => p.HasDefault || p.Modifier == "params")))
        {
            return "";
        }

        ConstructorModel? target = baseType.Constructors
            .Where(c => c.Parameters.All(p => p.Modifier is null or "in"))
            .OrderBy(c => c.Parameters.Count)
            .FirstOrDefault();
        return target is null
            ? ""
            : $" : base({string.Join(", ", target.Parameters.Select(p => $"default({TypeNames.ToCSharp(p.Type)})"))})";
    }

    private void WriteMethod(TypeModel type, string typeName, MethodModel method)
    {
        WriteAttributes(method.Attributes);
        string parameters = Parameters(method.Parameters);
        if (method.Name == "Finalize" && method.Parameters.Count == 0 && method.Modifiers.Contains("override"))
        {
            Line($"~{typeName}(){Body}"); // C# only declares a finalizer this way
            return;
        }

        string returnType = ReturnType(method.ReturnType, method.ReturnModifier);
        if (method.Operator)
        {
            string declaration = method.Name switch
            {
                "op_Implicit" or "op_Explicit" => $"{method.Name[3..].ToLowerInvariant()} operator {returnType}",
                "op_CheckedExplicit" => $"explicit operator checked {returnType}",
                _ => $"{returnType} operator {OperatorTokens.GetValueOrDefault(method.Name) ?? throw new SurfaceException($"{type.FullName}: unknown operator {method.Name}.")}",
            };
            Line($"{MemberModifiers(type, method.Accessibility, method.Modifiers)}{declaration}({parameters}){Body}");
            return;
        }

        // Overrides and explicit implementations inherit their constraints; C# refuses them restated.
        bool inheritsConstraints = method.ExplicitInterface is not null || method.Modifiers.Contains("override");
        string typeParameters = TypeParameters(method.GenericParameters);
        string constraints = inheritsConstraints ? "" : Constraints(method.GenericParameters);
        string readOnly = method.Readonly ? "readonly " : "";
        string name = MemberName(type, method.ExplicitInterface, TypeNames.Identifier(method.Name));
        string body = IsAbstract(method.Modifiers) ? ";" : Body;
        Line($"{MemberModifiers(type, method.Accessibility, method.Modifiers)}{readOnly}{returnType} {name}{typeParameters}({parameters}){constraints}{body}");
    }

    private void WriteProperty(TypeModel type, PropertyModel property)
    {
        WriteAttributes(property.Attributes);
        string name;
        if (property.IndexerParameters.Count > 0)
        {
            if (property.Name != "Item" && property.ExplicitInterface is null)
            {
                Line($"[global::System.Runtime.CompilerServices.IndexerName(\"{property.Name}\")]");
            }

            name = MemberName(type, property.ExplicitInterface, "this") + $"[{Parameters(property.IndexerParameters)}]";
        }
        else
        {
            name = MemberName(type, property.ExplicitInterface, TypeNames.Identifier(property.Name));
        }

        bool isAbstract = IsAbstract(property.Modifiers);
        var accessors = new List<string>();
        if (property.Getter is not null)
        {
            accessors.Add(Accessor(property.Accessibility, property.Getter, "get", isAbstract));
        }

        if (property.Setter is not null)
        {
            accessors.Add(Accessor(property.Accessibility, property.Setter, property.Setter.Init ? "init" : "set", isAbstract));
        }

        Line($"{MemberModifiers(type, property.Accessibility, property.Modifiers)}{ReturnType(property.Type, property.ReturnModifier)} {name} {{ {string.Join(' ', accessors)} }}");
    }

    private static string Accessor(string? propertyAccess, AccessorModel accessor, string keyword, bool isAbstract)
    {
        string access = accessor.Accessibility is not null && accessor.Accessibility != propertyAccess ? accessor.Accessibility + " " : "";
        string readOnly = accessor.Readonly ? "readonly " : "";
        return $"{access}{readOnly}{keyword}{(isAbstract ? ";" : Body)}";
    }

    private void WriteEvent(TypeModel type, EventModel e)
    {
        WriteAttributes(e.Attributes);
        string declaration = $"{MemberModifiers(type, e.Accessibility, e.Modifiers)}event {TypeNames.ToCSharp(e.Type)} {MemberName(type, e.ExplicitInterface, TypeNames.Identifier(e.Name))}";

        // Accessors rather than a field-like event: no backing field may appear.
        Line(IsAbstract(e.Modifiers) ? $"{declaration};" : $"{declaration} {{ add{Body} remove{Body} }}");
    }

    // Interface members are written bare (implicitly public abstract): explicit modifiers there
    // need a newer runtime than nanoFramework's.
    private static string MemberModifiers(TypeModel type, string? accessibility, IReadOnlyList<string> modifiers)
    {
        if (accessibility is null || (type.Kind == "interface" && modifiers.SequenceEqual(["abstract"])))
        {
            return ""; // explicit interface implementation, or an ordinary interface member
        }

        return string.Join(' ', modifiers.Prepend(accessibility)) + " ";
    }

    private static bool IsAbstract(IReadOnlyList<string> modifiers) => modifiers.Contains("abstract");

    // The name is C# already ("this" for an indexer).
    private string MemberName(TypeModel type, string? explicitInterface, string name) =>
        explicitInterface is null ? name : $"{ExplicitInterface(type, explicitInterface)}.{name}";

    // C# names an explicit implementation after the interface as written, alias included: a
    // "global::" prefix would end up in the metadata names (and Roslyn then no longer pairs an
    // indexer's accessors with it). It is left out unless a namespace around the declaration
    // would capture the interface's first name (as nanoFramework.System captures System).
    private string ExplicitInterface(TypeModel type, string interfaceName)
    {
        string qualified = TypeNames.ToCSharp(interfaceName);
        string plain = qualified["global::".Length..];
        int end = plain.IndexOfAny(['.', '<']);
        string first = end < 0 ? plain : plain[..end];
        for (string ns = type.Namespace; ns.Length > 0; ns = ns[..Math.Max(0, ns.LastIndexOf('.'))])
        {
            if (_catalog.IsNamespaceOrType($"{ns}.{first}"))
            {
                return qualified;
            }
        }

        return plain;
    }

    private static string ReturnType(string type, string? modifier) =>
        modifier is null ? TypeNames.ToCSharp(type) : $"{modifier} {TypeNames.ToCSharp(type)}";

    private string Parameters(IReadOnlyList<ParameterModel> parameters) =>
        string.Join(", ", parameters.Select(Parameter));

    private string Parameter(ParameterModel parameter)
    {
        var text = new System.Text.StringBuilder();
        foreach (AttributeModel attribute in parameter.Attributes)
        {
            text.Append('[').Append(Attribute(attribute)).Append("] ");
        }

        if (parameter.Optional)
        {
            text.Append("[global::System.Runtime.InteropServices.Optional] ");
        }

        if (parameter.Modifier is not null)
        {
            text.Append(parameter.Modifier).Append(' ');
        }

        text.Append(TypeNames.ToCSharp(parameter.Type)).Append(' ').Append(TypeNames.Identifier(parameter.Name));
        if (parameter.HasDefault)
        {
            text.Append(" = ").Append(_literals.Format(parameter.Type, parameter.Default));
        }

        return text.ToString();
    }
}
