using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>
/// The reference assemblies generated once from ../shared/nano-api into a temporary directory,
/// shared by every test class of the collection.
/// </summary>
public sealed class GeneratedSurface : IDisposable
{
    public GeneratedSurface()
    {
        ApiDir = FindApiDir();
        JsonPaths = Directory.GetFiles(ApiDir, "*.json").Order(StringComparer.Ordinal).ToArray();
        Root = Directory.CreateTempSubdirectory("nano-surface-tests-").FullName;
        OutDir = Path.Combine(Root, "out");

        GeneratedNames = SurfaceGenerator.Generate(JsonPaths, OutDir, sourceDir: null);

        Catalog = ApiCatalog.Load(JsonPaths);
        References = Catalog.Files.ToDictionary(
            f => f.Assembly.Name,
            f => (MetadataReference)MetadataReference.CreateFromFile(DllPath(f.Assembly.Name)));
    }

    public string ApiDir { get; }

    public IReadOnlyList<string> JsonPaths { get; }

    /// <summary>A temporary directory of this run; tests may make their own folders in it.</summary>
    public string Root { get; }

    public string OutDir { get; }

    public IReadOnlyList<string> GeneratedNames { get; }

    internal ApiCatalog Catalog { get; }

    /// <summary>Every generated assembly by name, as a compiler reference.</summary>
    public IReadOnlyDictionary<string, MetadataReference> References { get; }

    public string DllPath(string assemblyName) => Path.Combine(OutDir, assemblyName + ".dll");

    /// <summary>
    /// Compiles a program the way the firmware's Surface build does: NoStdLib, only the generated
    /// assemblies as references. Returns the errors.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompileAgainstSurface(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Firmware",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Values,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        // Emitted, not only bound: lowering needs members of its own (String.Concat, Delegate.Combine, Monitor).
        using var image = new MemoryStream();
        return compilation.Emit(image).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    // Where nf.props looks: the directory beside the repository.
    private static string FindApiDir()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nf.props")))
            {
                string api = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "nano-api"));
                Assert.True(File.Exists(Path.Combine(api, "mscorlib.json")), $"the API description is missing: {api}");
                return api;
            }
        }

        throw new InvalidOperationException("repository root (nf.props) not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SurfaceCollection : ICollectionFixture<GeneratedSurface>
{
    public const string Name = "generated surface";
}
