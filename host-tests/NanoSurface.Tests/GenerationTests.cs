using System;
using System.IO;
using System.Linq;
using Xunit;

namespace NanoSurface.Tests;

[Collection(SurfaceCollection.Name)]
public sealed class GenerationTests(GeneratedSurface surface)
{
    [Fact]
    public void Every_description_becomes_an_assembly_and_the_stamp_comes_last()
    {
        Assert.Equal(15, surface.JsonPaths.Count);
        Assert.Equal(
            surface.Catalog.Files.Select(f => f.Assembly.Name + ".dll").Order(StringComparer.Ordinal),
            Directory.GetFiles(surface.OutDir, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        DateTime stamp = File.GetLastWriteTimeUtc(Path.Combine(surface.OutDir, SurfaceGenerator.StampFile));
        Assert.All(Directory.GetFiles(surface.OutDir, "*.dll"), dll => Assert.True(File.GetLastWriteTimeUtc(dll) <= stamp, dll));
    }

    [Fact]
    public void Assemblies_are_built_after_the_ones_they_reference()
    {
        Assert.Equal("mscorlib", surface.GeneratedNames[0]);
        foreach (ApiFile file in surface.Catalog.Files)
        {
            int position = surface.GeneratedNames.ToList().IndexOf(file.Assembly.Name);
            Assert.All(
                file.References.Where(r => surface.References.ContainsKey(r.Name)),
                r => Assert.True(surface.GeneratedNames.ToList().IndexOf(r.Name) < position, $"{file.Assembly.Name} before {r.Name}"));
        }
    }

    [Fact]
    public void Command_line_prints_one_summary_line_and_output_is_deterministic()
    {
        string outDir = Path.Combine(surface.Root, "cli-out");
        string sourceDir = Path.Combine(surface.Root, "cli-source");
        (int code, string stdout, string stderr) = Run("--api", surface.ApiDir, "--out", outDir, "--emit-source", sourceDir);

        Assert.Equal(0, code);
        Assert.Equal($"nano surface: 15 assemblies from {surface.ApiDir} -> {outDir}{Environment.NewLine}", stdout);
        Assert.Empty(stderr);
        Assert.Equal(15, Directory.GetFiles(sourceDir, "*.cs").Length);
        foreach (string name in surface.GeneratedNames)
        {
            Assert.Equal(File.ReadAllBytes(surface.DllPath(name)), File.ReadAllBytes(Path.Combine(outDir, name + ".dll")));
        }
    }

    [Fact]
    public void A_missing_or_empty_api_directory_is_exit_code_2()
    {
        string empty = Directory.CreateDirectory(Path.Combine(surface.Root, "empty-api")).FullName;
        string outDir = Path.Combine(surface.Root, "unused-out");

        (int missingCode, _, string missingError) = Run("--api", Path.Combine(surface.Root, "no-such-dir"), "--out", outDir);
        (int emptyCode, _, string emptyError) = Run("--api", empty, "--out", outDir);
        (int usageCode, _, string usageError) = Run("--api", empty);

        Assert.Equal(2, missingCode);
        Assert.Contains("API description directory not found", missingError);
        Assert.Equal(2, emptyCode);
        Assert.Contains("no *.json", emptyError);
        Assert.Equal(2, usageCode);
        Assert.Contains("usage:", usageError);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Source_that_does_not_compile_fails_naming_the_assembly_and_its_errors()
    {
        string api = Directory.CreateDirectory(Path.Combine(surface.Root, "broken-api")).FullName;
        File.Copy(Path.Combine(surface.ApiDir, "mscorlib.json"), Path.Combine(api, "mscorlib.json"));
        string publicKey = surface.Catalog.Files.Single(f => f.Assembly.Name == "mscorlib").Assembly.PublicKey;
        File.WriteAllText(Path.Combine(api, "Broken.json"), $$"""
            {
              "schemaVersion": 1,
              "assembly": { "name": "Broken", "version": "1.0.0.0", "culture": "neutral", "publicKey": "{{publicKey}}" },
              "references": [ { "name": "mscorlib" } ],
              "types": [ { "fullName": "Broken.Widget", "namespace": "Broken", "name": "Widget", "declaringType": null,
                           "kind": "class", "accessibility": "public", "baseType": "Broken.Missing",
                           "fields": [], "constructors": [], "methods": [], "properties": [], "events": [] } ]
            }
            """);
        string outDir = Path.Combine(surface.Root, "broken-out");

        (int code, string stdout, string stderr) = Run("--api", api, "--out", outDir);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("nano surface: error: Broken: the generated source does not compile", stderr);
        Assert.Contains("error CS0234", stderr); // Broken.Missing does not exist
        Assert.False(File.Exists(Path.Combine(outDir, SurfaceGenerator.StampFile)));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
