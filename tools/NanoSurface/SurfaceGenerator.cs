using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NanoSurface;

/// <summary>One run: every API file of a directory to a reference assembly, then the stamp.</summary>
internal static class SurfaceGenerator
{
    public const string StampFile = "surface.stamp";

    /// <summary>Generates all assemblies; returns their names in build order.</summary>
    public static IReadOnlyList<string> Generate(IReadOnlyList<string> jsonPaths, string outDir, string? sourceDir)
    {
        ApiCatalog catalog = ApiCatalog.Load(jsonPaths);
        Directory.CreateDirectory(outDir);
        if (sourceDir is not null)
        {
            Directory.CreateDirectory(sourceDir);
        }

        // No stamp while the set is incomplete, so an interrupted run is redone.
        string stamp = Path.Combine(outDir, StampFile);
        File.Delete(stamp);

        IReadOnlyList<ApiFile> order = catalog.InDependencyOrder();
        var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        foreach (ApiFile file in order)
        {
            string name = file.Assembly.Name;
            string source;
            try
            {
                source = SourceWriter.Write(file, catalog);
            }
            catch (Exception e) when (e is SurfaceException or InvalidOperationException or FormatException)
            {
                // A value of the wrong JSON kind, an unreadable type name: say where.
                throw new SurfaceException($"{name}: cannot write its source: {e.Message}");
            }

            if (sourceDir is not null)
            {
                File.WriteAllText(Path.Combine(sourceDir, name + ".cs"), source); // before compiling, to debug a failure
            }

            MetadataReference[] references = file.References
                .Where(r => built.ContainsKey(r.Name))
                .Select(r => built[r.Name])
                .ToArray();
            byte[] image = SurfaceCompiler.Compile(file, source, references);
            WriteIfChanged(Path.Combine(outDir, name + ".dll"), image);
            built[name] = MetadataReference.CreateFromImage(image);
        }

        File.WriteAllLines(stamp, order.Select(f => $"{f.Assembly.Name} {f.Assembly.Version}"));
        return order.Select(f => f.Assembly.Name).ToList();
    }

    // The output is deterministic: leaving an identical DLL untouched keeps its timestamp, so
    // projects compiled against it stay up to date.
    private static void WriteIfChanged(string path, byte[] image)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(image))
        {
            return;
        }

        File.WriteAllBytes(path, image);
    }
}
