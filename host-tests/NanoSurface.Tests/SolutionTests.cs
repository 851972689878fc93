using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>
/// What a firmware engineer meets in Visual Studio: the application is the startup and deploy
/// project, the firmware-only solution filter opens the three projects, and the board symbol sits
/// where the nanoFramework project system keeps it.
/// </summary>
public class SolutionTests
{
    private const string ApplicationGuid = "{3E5B1C2D-7F41-4C8A-A6D2-5B9E0F1C4D02}";

    [Fact]
    public void TheApplicationIsTheSolutionsFirstProjectAndIsDeployed()
    {
        string solution = FirmwareProjects.Text("LockFirmware.sln");
        Match first = Regex.Match(solution, "^Project\\(\"[^\"]+\"\\) = \"(?<name>[^\"]+)\", \"(?<path>[^\"]+)\", \"(?<guid>[^\"]+)\"", RegexOptions.Multiline);

        // Visual Studio starts the first project of a solution opened for the first time.
        Assert.Equal((@"firmware\LockFirmware\LockFirmware.nfproj", ApplicationGuid), (first.Groups["path"].Value, first.Groups["guid"].Value));
        foreach (string configuration in new[] { "Debug|Any CPU", "Release|Any CPU" })
        {
            string expected = $"{ApplicationGuid}.{configuration}.Deploy.0 = {configuration}";
            Assert.Contains(expected, solution, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheFirmwareFilterOpensTheThreeNanoProjectsOfTheSolution()
    {
        using JsonDocument filter = JsonDocument.Parse(FirmwareProjects.Text("LockFirmware.Firmware.slnf"));
        JsonElement solution = filter.RootElement.GetProperty("solution");
        string[] projects = solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString()!.Replace('\\', '/')).Order().ToArray();

        Assert.Equal("LockFirmware.sln", solution.GetProperty("path").GetString());
        Assert.Equal(FirmwareProjects.Paths.Order().ToArray(), projects);
        string sln = FirmwareProjects.Text("LockFirmware.sln");
        Assert.All(projects, p => Assert.Contains(p.Replace('/', '\\'), sln, StringComparison.Ordinal));
    }

    [Fact]
    public void TheBoardSymbolIsSetAfterTheProjectSystemsProps()
    {
        // NFProjectSystem.Default.props sets DefineConstants outright (nf-Visual-Studio-extension,
        // Targets/NFProjectSystem.Default.props), so a symbol set before it is lost in Visual Studio.
        string project = FirmwareProjects.Text("firmware/LockFirmware/LockFirmware.nfproj");
        int props = project.IndexOf("NFProjectSystem.props\"", StringComparison.Ordinal);
        int board = project.IndexOf("<LockBoardSymbol>", StringComparison.Ordinal);
        int defines = project.IndexOf("<DefineConstants>$(DefineConstants);$(LockBoardSymbol)</DefineConstants>", StringComparison.Ordinal);

        Assert.True(props > 0 && board > props && defines > board, "LockBoardSymbol and its DefineConstants must follow the NFProjectSystem.props import");
        int unit = project.IndexOf("<LockUnitSymbol>", StringComparison.Ordinal);
        int unitDefines = project.IndexOf("<DefineConstants>$(DefineConstants);$(LockUnitSymbol)</DefineConstants>", StringComparison.Ordinal);
        Assert.True(unit > props && unitDefines > unit, "LockUnitSymbol and its DefineConstants must follow the NFProjectSystem.props import");
        Assert.Empty(FirmwareProjects.Elements(FirmwareProjects.Xml("nf.props"), "DefineConstants"));
    }

    [Fact]
    public void EveryBoardSymbolTheSourcesTestIsNamedBesideTheSwitchAndInTheReadme()
    {
        string project = FirmwareProjects.Text("firmware/LockFirmware/LockFirmware.nfproj");
        string readme = FirmwareProjects.Text("README.md");
        string[] symbols = Directory.GetFiles(FirmwareProjects.Full("firmware"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"#(?:el)?if\s+!?(LOCK_(?:BOARD|UNIT)_\w+)").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToArray();

        Assert.NotEmpty(symbols);
        Assert.All(symbols, symbol => Assert.Contains(symbol, project, StringComparison.Ordinal));
        Assert.All(symbols, symbol => Assert.Contains(symbol, readme, StringComparison.Ordinal));
        Assert.Contains("<LockBoardSymbol>", readme, StringComparison.Ordinal);
        Assert.Contains("<LockUnitSymbol>", readme, StringComparison.Ordinal);
    }
}
