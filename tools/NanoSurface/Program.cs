using System;
using System.Collections.Generic;
using System.IO;

namespace NanoSurface;

// Messages start with "nano surface: error:" so MSBuild's Exec reports them as build errors.
internal static class Program
{
    private const string Usage = "usage: NanoSurface --api <dir with *.json> --out <output dir> [--emit-source <dir>]";

    private static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>0: generated; 1: generation failed; 2: wrong arguments or no API description.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        Dictionary<string, string>? options = ParseOptions(args);
        if (options is null || !options.TryGetValue("--api", out string? apiDir) || !options.TryGetValue("--out", out string? outDir))
        {
            stderr.WriteLine($"nano surface: error: {Usage}");
            return 2;
        }

        if (!Directory.Exists(apiDir))
        {
            stderr.WriteLine($"nano surface: error: API description directory not found: {apiDir}");
            return 2;
        }

        string[] jsonPaths = Directory.GetFiles(apiDir, "*.json");
        if (jsonPaths.Length == 0)
        {
            stderr.WriteLine($"nano surface: error: no *.json API description in {apiDir}");
            return 2;
        }

        Array.Sort(jsonPaths, StringComparer.Ordinal);
        try
        {
            IReadOnlyList<string> generated = SurfaceGenerator.Generate(jsonPaths, outDir, options.GetValueOrDefault("--emit-source"));
            stdout.WriteLine($"nano surface: {generated.Count} assemblies from {apiDir} -> {outDir}");
            return 0;
        }
        catch (Exception e) when (e is SurfaceException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"nano surface: error: {e.Message}");
            return 1;
        }
    }

    // Every option takes a value; anything else is a usage error.
    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--api" or "--out" or "--emit-source") || i + 1 >= args.Length || !options.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }

        return options;
    }
}
