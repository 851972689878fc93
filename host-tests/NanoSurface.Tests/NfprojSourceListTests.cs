using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>
/// Each .nfproj names every source file of its folder once, with no wildcard: the nanoFramework
/// project system removes the file-globs capability and its test adapter opens each Compile value
/// as a file, so a wildcard breaks Test Explorer and a file added in Visual Studio would be listed
/// twice (CS2002). tools/sync-nfproj.sh rewrites the lists.
/// </summary>
public class NfprojSourceListTests
{
    private const string Fix = "run: bash tools/sync-nfproj.sh";

    public static TheoryData<string> Projects() => new(FirmwareProjects.Paths);

    [Theory]
    [MemberData(nameof(Projects))]
    public void EverySourceFileIsListedOnceAndNothingElse(string project)
    {
        string[] listed = Listed(FirmwareProjects.Text(project));
        string[] onDisk = SourceFiles(Path.GetDirectoryName(FirmwareProjects.Full(project))!);

        Assert.True(listed.Length > 0, $"{project} lists no source file");
        Assert.DoesNotContain(listed, item => item.IndexOfAny(['*', '?']) >= 0);
        string[] twice = listed.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(twice.Length == 0, $"{project} lists twice: {string.Join(", ", twice)}; {Fix}");
        string[] missing = onDisk.Except(listed, StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"{project} does not list: {string.Join(", ", missing)}; {Fix}");
        string[] gone = listed.Except(onDisk, StringComparer.Ordinal).ToArray();
        Assert.True(gone.Length == 0, $"{project} lists files that do not exist: {string.Join(", ", gone)}; {Fix}");
    }

    [Fact]
    public void TheSyncScriptListsANewFileAndDropsADeletedOne()
    {
        string dir = Directory.CreateTempSubdirectory("sync-nfproj-").FullName;
        try
        {
            string project = Path.Combine(dir, "Probe.nfproj");
            File.WriteAllText(project, """
                <Project>
                  <ItemGroup Label="Sources">
                    <Compile Include="Gone.cs" />
                  </ItemGroup>
                  <ItemGroup>
                    <None Include="packages.config" />
                  </ItemGroup>
                </Project>
                """);
            Directory.CreateDirectory(Path.Combine(dir, "Ble"));
            Directory.CreateDirectory(Path.Combine(dir, "obj"));
            File.WriteAllText(Path.Combine(dir, "Ble", "Fragment.cs"), "");
            File.WriteAllText(Path.Combine(dir, "Added.cs"), "");
            File.WriteAllText(Path.Combine(dir, "obj", "Generated.cs"), "");

            RunScript(project);
            string text = File.ReadAllText(project);

            Assert.Equal(["Added.cs", @"Ble\Fragment.cs"], Listed(text));
            Assert.Contains("""<None Include="packages.config" />""", text);

            RunScript(project); // A second run changes nothing.
            Assert.Equal(text, File.ReadAllText(project));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Compile items as the nanoFramework test adapter finds them (TestFramework v3.0.77,
    /// source/TestAdapter/Discover.cs: this very pattern, case-insensitive), '\' separators.
    /// </summary>
    private static string[] Listed(string projectText) =>
        System.Text.RegularExpressions.Regex.Matches(projectText, "<Compile Include=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(m => m.Groups[1].Value)
            .ToArray();

    private static string[] SourceFiles(string projectDir) =>
        Directory.GetFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectDir, path).Replace(Path.DirectorySeparatorChar, '\\'))
            .Where(path => !path.StartsWith(@"bin\", StringComparison.Ordinal) && !path.StartsWith(@"obj\", StringComparison.Ordinal))
            .ToArray();

    private static void RunScript(string project)
    {
        var start = new ProcessStartInfo("bash", [FirmwareProjects.Full("tools/sync-nfproj.sh"), project])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "sync-nfproj.sh failed: " + error);
    }
}
