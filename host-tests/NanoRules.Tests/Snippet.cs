using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NanoRules;
using Xunit;

namespace NanoRules.Tests;

/// <summary>One diagnostic as the tests see it.</summary>
public sealed record Finding(string Id, int Line, string Message)
{
    public override string ToString() => $"{Id}@{Line}: {Message}";
}

/// <summary>
/// Compiles a C# snippet with Roslyn (C# 9, unsafe allowed, the host's own framework as references) and
/// runs <see cref="NanoRulesAnalyzer"/> over it. The snippet must compile: a test of broken code proves nothing.
/// </summary>
public static class Snippet
{
    private const string Marker = "//!";

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    /// <summary>nanoFramework's real mscorlib.dll (CoreLibrary, restored by NuGet), the only reference of a firmware compile.</summary>
    public static readonly MetadataReference NanoCoreLibrary =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "nano-lib", "mscorlib.dll"));

    /// <summary>The analyzer's diagnostics, ordered by line then ID; lines count from 1.</summary>
    public static IReadOnlyList<Finding> Analyze(string source, LanguageVersion version = LanguageVersion.CSharp9) =>
        Analyze(source, version, References);

    /// <summary>As <see cref="Analyze(string, LanguageVersion)"/>, compiled the firmware's way: against the real nanoFramework mscorlib alone.</summary>
    public static IReadOnlyList<Finding> AnalyzeForNano(string source) =>
        Analyze(source, LanguageVersion.CSharp9, ImmutableArray.Create(NanoCoreLibrary));

    /// <summary>As <see cref="Verify(string, LanguageVersion)"/>, compiled against the real nanoFramework mscorlib alone.</summary>
    public static IReadOnlyList<Finding> VerifyForNano(string source) => Check(source, AnalyzeForNano(source));

    private static IReadOnlyList<Finding> Analyze(string source, LanguageVersion version, ImmutableArray<MetadataReference> references)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(version));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            new[] { tree },
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The snippet does not compile:\n" + string.Join("\n", errors));

        var crashes = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => crashes.Add(exception.ToString()),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new NanoRulesAnalyzer());
        var diagnostics = Task.Run(() => compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync())
            .GetAwaiter().GetResult();
        Assert.True(crashes.Count == 0, "The analyzer threw:\n" + string.Join("\n", crashes));

        return diagnostics
            .Select(d => new Finding(d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage()))
            .OrderBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Asserts the analyzer reports exactly what the snippet's markers say: a line ending in
    /// "//! NF0002 NF0008" must get one NF0002 and one NF0008, and unmarked lines nothing.
    /// </summary>
    public static IReadOnlyList<Finding> Verify(string source, LanguageVersion version = LanguageVersion.CSharp9) =>
        Check(source, Analyze(source, version));

    private static IReadOnlyList<Finding> Check(string source, IReadOnlyList<Finding> findings)
    {
        var actual = findings.Select(f => $"{f.Id}@{f.Line}").ToList();
        Assert.True(Expected(source).SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", Expected(source))}\nActual:\n  {string.Join("\n  ", findings)}");
        return findings;
    }

    private static List<string> Expected(string source)
    {
        var lines = source.Split('\n');
        var expected = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf(Marker, StringComparison.Ordinal);
            if (marker < 0)
                continue;
            var ids = lines[i][(marker + Marker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
            expected.AddRange(ids.Select(id => $"{id}@{i + 1}"));
        }

        return expected;
    }
}
