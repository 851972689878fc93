using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace NanoSurface;

/// <summary>Compiles one assembly's generated source into a publicly signed DLL image.</summary>
internal static class SurfaceCompiler
{
    private const int ErrorsShown = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    // A core library has no System.Object to take the metadata version from: state the usual one.
    private static readonly EmitOptions Emit = new(runtimeMetadataVersion: "v4.0.30319");

    // Warnings that declaration-only code raises by nature (members it never uses, operators
    // without Equals, hiding without "new", which the description does not record, obsolete
    // types in signatures). Every other warning fails the generation like an error.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> Suppressed = new[]
    {
        "CS0067",  // event never used
        "CS0108", "CS0114", // member hides an inherited member
        "CS0169", "CS0414", "CS0649", // private field never used or assigned
        "CS0612", "CS0618", // use of an obsolete member
        "CS0628",  // protected member in a sealed type
        "CS0659", "CS0660", "CS0661", // Equals, GetHashCode and == not declared together
        "CS0672", "CS0809", // obsolete and non-obsolete overrides
        "CS3021",  // CLSCompliant without an assembly attribute
    }.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Suppress);

    public static byte[] Compile(ApiFile file, string source, IEnumerable<MetadataReference> references)
    {
        AssemblyInfo assembly = file.Assembly;
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: assembly.Name + ".g.cs");
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: true,
            deterministic: true,
            cryptoPublicKey: PublicKey(assembly),
            publicSign: true,
            generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: Suppressed,
            nullableContextOptions: NullableContextOptions.Disable);

        // mscorlib has no references: Roslyn then takes it as the core library it defines.
        CSharpCompilation compilation = CSharpCompilation.Create(assembly.Name, [tree], references, options);
        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image, options: Emit);
        if (!result.Success)
        {
            Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            throw new SurfaceException(
                $"{assembly.Name}: the generated source does not compile ({errors.Length} errors); the first ones:"
                + string.Concat(errors.Take(ErrorsShown).Select(e => Environment.NewLine + "  " + e)));
        }

        return image.ToArray();
    }

    private static ImmutableArray<byte> PublicKey(AssemblyInfo assembly)
    {
        try
        {
            return [.. Convert.FromHexString(assembly.PublicKey)];
        }
        catch (FormatException)
        {
            throw new SurfaceException($"{assembly.Name}: publicKey is not a hex string.");
        }
    }
}
