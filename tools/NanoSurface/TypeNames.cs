using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoSurface;

/// <summary>Turns the description's metadata type names into C# type syntax.</summary>
internal static class TypeNames
{
    /// <summary>
    /// <c>System.Action`1&lt;System.Int32&gt;</c> becomes <c>global::System.Action&lt;global::System.Int32&gt;</c>.
    /// Always <c>global::</c>-qualified: namespaces such as <c>nanoFramework.System.IO</c> would
    /// otherwise capture a plain <c>System.</c> prefix.
    /// </summary>
    public static string ToCSharp(string metadataName)
    {
        int position = 0;
        string type = ParseType(metadataName, ref position);
        if (position != metadataName.Length)
        {
            throw new SurfaceException($"cannot read the type name '{metadataName}'.");
        }

        return type;
    }

    /// <summary>The name a type is declared with: no arity suffix, escaped if a keyword.</summary>
    public static string DeclarationName(string metadataName)
    {
        int tick = metadataName.IndexOf('`');
        return Identifier(tick < 0 ? metadataName : metadataName[..tick]);
    }

    /// <summary>How many generic parameters a (nested) type declares itself, from its name.</summary>
    public static int OwnArity(string metadataName)
    {
        int tick = metadataName.IndexOf('`');
        return tick < 0 ? 0 : int.Parse(metadataName[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static string ParseType(string text, ref int position)
    {
        // Nesting segments ("Outer`1+Inner"), each with its own arity; generic arguments may
        // follow any segment, and are handed out to the segments in order.
        var segments = new List<(string Name, int Arity)>();
        var arguments = new List<string>();
        while (true)
        {
            int start = position;
            while (position < text.Length && "+<>[],*".IndexOf(text[position]) < 0)
            {
                position++;
            }

            string segment = text[start..position];
            segments.Add((segment, OwnArity(segment)));
            if (Peek(text, position) == '<')
            {
                do
                {
                    position++;
                    arguments.Add(ParseType(text, ref position));
                }
                while (Peek(text, position) == ',');

                Expect(text, ref position, '>');
            }

            if (Peek(text, position) != '+')
            {
                break;
            }

            position++;
        }

        string type = NamedType(text, segments, arguments);
        while (Peek(text, position) is '[' or '*')
        {
            if (text[position] == '*')
            {
                type += "*";
                position++;
                continue;
            }

            int start = position++;
            while (Peek(text, position) == ',')
            {
                position++;
            }

            Expect(text, ref position, ']');
            type += text[start..position];
        }

        return type;
    }

    private static string NamedType(string text, List<(string Name, int Arity)> segments, List<string> arguments)
    {
        if (segments.Sum(s => s.Arity) != arguments.Count || segments.Any(s => s.Name.Length == 0))
        {
            throw new SurfaceException($"cannot read the type name '{text}'.");
        }

        if (segments.Count == 1 && segments[0].Name == "System.Void")
        {
            return "void"; // C# does not accept System.Void by name
        }

        if (segments.Count == 1 && !segments[0].Name.Contains('.') && arguments.Count == 0)
        {
            return Identifier(segments[0].Name); // a generic parameter
        }

        var parts = new List<string>();
        int next = 0;
        foreach ((string name, int arity) in segments)
        {
            string declared = string.Join('.', name.Split('.').Select(DeclarationName));
            parts.Add(arity == 0 ? declared : $"{declared}<{string.Join(", ", arguments.GetRange(next, arity))}>");
            next += arity;
        }

        return "global::" + string.Join('.', parts);
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static void Expect(string text, ref int position, char expected)
    {
        if (Peek(text, position) != expected)
        {
            throw new SurfaceException($"cannot read the type name '{text}'.");
        }

        position++;
    }
}
