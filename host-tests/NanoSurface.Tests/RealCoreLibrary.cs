using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoSurface.Tests;

/// <summary>
/// nanoFramework's real mscorlib.dll (CoreLibrary from NuGet, copied beside the tests by
/// tools/NanoSurface/RealCoreLibrary.props), and the public surface of any mscorlib as lines of text.
/// </summary>
public static class RealCoreLibrary
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "nano-lib", "mscorlib.dll");

    private static readonly SymbolDisplayFormat Format = new SymbolDisplayFormat(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints | SymbolDisplayGenericsOptions.IncludeVariance,
        memberOptions: SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers |
                       SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters |
                       SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef |
                       SymbolDisplayMemberOptions.IncludeConstantValue,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut |
                          SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>One line per public or protected type and member, with the type's base and interfaces, sorted.</summary>
    public static SortedSet<string> Surface(string mscorlibPath)
    {
        MetadataReference reference = MetadataReference.CreateFromFile(mscorlibPath);
        CSharpCompilation compilation = CSharpCompilation.Create("Reader", references: [reference]);
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        AddNamespace(assembly.GlobalNamespace, lines);
        return lines;
    }

    private static void AddNamespace(INamespaceSymbol ns, SortedSet<string> lines)
    {
        foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
        {
            AddNamespace(child, lines);
        }

        foreach (INamedTypeSymbol type in ns.GetTypeMembers())
        {
            AddType(type, lines);
        }
    }

    private static void AddType(INamedTypeSymbol type, SortedSet<string> lines)
    {
        if (!Visible(type))
        {
            return;
        }

        string name = type.ToDisplayString(Format);
        string bases = string.Join(", ", new[] { type.BaseType }.Concat(type.Interfaces)
            .Where(t => t is not null && t.SpecialType != SpecialType.System_Object)
            .Select(t => t!.ToDisplayString(Format)));
        lines.Add(bases.Length == 0 ? name : name + " : " + bases);
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is INamedTypeSymbol nested)
            {
                AddType(nested, lines);
            }
            else if (Visible(member) && !IsAccessor(member))
            {
                lines.Add(name + " :: " + member.ToDisplayString(Format));
            }
        }
    }

    private static bool Visible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

    // Properties and events are listed whole; their accessors would only repeat them.
    private static bool IsAccessor(ISymbol member) =>
        member is IMethodSymbol { AssociatedSymbol: not null };

    /// <summary>The public and protected types carrying nanoFramework's ExcludeType attribute in the given mscorlib.</summary>
    public static SortedSet<string> ExcludedTypes(string mscorlibPath)
    {
        MetadataReference reference = MetadataReference.CreateFromFile(mscorlibPath);
        CSharpCompilation compilation = CSharpCompilation.Create("Reader", references: [reference]);
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(reference)!;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(assembly.GlobalNamespace);
        return names;

        void Collect(INamespaceOrTypeSymbol container)
        {
            foreach (INamespaceOrTypeSymbol member in container.GetMembers().OfType<INamespaceOrTypeSymbol>())
            {
                if (member is INamedTypeSymbol type && Visible(type) &&
                    type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.ExcludeTypeAttribute"))
                {
                    names.Add(type.ToDisplayString());
                }

                Collect(member);
            }
        }
    }

    /// <summary>Whether a file exists, with a message saying how to get it.</summary>
    public static string Missing =>
        File.Exists(Path) ? "" : $"the real mscorlib is missing at {Path}: NuGet restore of tools/NanoSurface/RealCoreLibrary.props brings it";
}
