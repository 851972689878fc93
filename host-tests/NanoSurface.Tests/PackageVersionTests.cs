using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>
/// One set of nanoFramework package versions everywhere: nf.props, every packages.config, each
/// .nfproj reference (its Version and the package folder of its HintPath), the API description in
/// ../shared/nano-api and the NuGet restore of the real mscorlib. A mismatch is a deploy that fails
/// on the board ("invalid native checksum") or a build against another API than the one checked.
/// </summary>
public class PackageVersionTests
{
    private static readonly Dictionary<string, string> Props = FirmwareProjects.NfProps();

    public static TheoryData<string> Projects() => new(FirmwareProjects.Paths);

    [Theory]
    [MemberData(nameof(Projects))]
    public void EachReferenceNamesThePackageVersionOfNfPropsAndTheDescribedAssemblyVersion(string project)
    {
        Dictionary<string, ApiPackage> api = ApiPackages();
        Dictionary<string, string> config = PackagesConfig(Path.Combine(Path.GetDirectoryName(project)!, "packages.config"));
        var referenced = new HashSet<string>(StringComparer.Ordinal);

        foreach (XElement reference in FirmwareProjects.Elements(FirmwareProjects.Xml(project), "Reference"))
        {
            string include = reference.Attribute("Include")!.Value;
            string hintPath = reference.Elements().Single(e => e.Name.LocalName == "HintPath").Value;
            Match hint = Regex.Match(hintPath, @"^\$\(NanoPackagesDir\)(?<id>[A-Za-z0-9.]+?)\.\$\((?<property>Nano\w+Version)\)\\lib\\(?<file>[\w.]+)$");
            Assert.True(hint.Success, $"{project}: HintPath '{hintPath}' is not $(NanoPackagesDir)<id>.$(Nano...Version)\\lib\\<file>");
            string id = hint.Groups["id"].Value;
            string property = hint.Groups["property"].Value;
            referenced.Add(id);

            Assert.True(Props.TryGetValue(property, out string? version), $"{project}: nf.props has no {property}");
            Assert.True(config.TryGetValue(id, out string? configured), $"{project}: {id} is referenced but not in packages.config");
            Assert.True(version == configured, $"{project}: packages.config pins {id} {configured}, nf.props {property} says {version}");

            string assembly = Path.GetFileNameWithoutExtension(hint.Groups["file"].Value);
            if (hint.Groups["file"].Value.EndsWith(".exe", StringComparison.Ordinal))
            {
                continue; // The test launcher: run on the device, not described, nothing compiles against it.
            }

            Assert.True(api.TryGetValue(assembly, out ApiPackage? described), $"{assembly} is not described in ../shared/nano-api");
            Assert.True(described.PackageId == id && described.PackageVersion == version,
                $"{project}: {assembly} comes from {id} {version}; the API description is of {described.PackageId} {described.PackageVersion}");
            Match identity = Regex.Match(include, @"^(?<name>[\w.]+), Version=(?<version>[\d.]+), Culture=neutral, PublicKeyToken=(?<token>\w+)$");
            Assert.True(identity.Success, $"{project}: reference '{include}' is not a full assembly identity");
            Assert.Equal((assembly, described.AssemblyVersion, described.PublicKeyToken),
                (identity.Groups["name"].Value, identity.Groups["version"].Value, identity.Groups["token"].Value));
        }

        Assert.Empty(config.Keys.Except(referenced));
    }

    [Fact]
    public void NfPropsPinsExactlyTheDescribedPackages()
    {
        string[] pinned = Props.Where(p => Regex.IsMatch(p.Key, @"^Nano\w+Version$")).Select(p => p.Value).Order().ToArray();
        string[] described = ApiPackages().Values.Select(p => p.PackageVersion).Order().ToArray();

        Assert.Equal(described, pinned);
    }

    [Fact]
    public void HardwareEsp32IsTheReleaseThatPairsWithRuntimeEvents()
    {
        // 1.6.42 was built against Runtime.Events 1.11.39; 1.6.40 has the same code and pairs with 1.11.37.
        Assert.Equal(("1.6.40", "1.11.37"), (Props["NanoHardwareEsp32Version"], Props["NanoRuntimeEventsVersion"]));
    }

    [Fact]
    public void TheRealMscorlibIsRestoredAtTheCoreLibraryVersion()
    {
        XDocument restore = XDocument.Load(FirmwareProjects.Full("tools/NanoSurface/RealCoreLibrary.props"));
        string version = FirmwareProjects.Elements(restore, "NanoRealCoreLibraryVersion").Single().Value;

        Assert.Equal(Props["NanoCoreLibraryVersion"], version);
    }

    private sealed record ApiPackage(string PackageId, string PackageVersion, string AssemblyVersion, string PublicKeyToken);

    private static Dictionary<string, ApiPackage> ApiPackages()
    {
        string apiDir = Path.GetFullPath(Path.Combine(FirmwareProjects.Root, "..", "shared", "nano-api"));
        var packages = new Dictionary<string, ApiPackage>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(apiDir, "*.json"))
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement assembly = json.RootElement.GetProperty("assembly");
            JsonElement package = json.RootElement.GetProperty("package");
            packages.Add(assembly.GetProperty("name").GetString()!, new ApiPackage(
                package.GetProperty("id").GetString()!, package.GetProperty("version").GetString()!,
                assembly.GetProperty("version").GetString()!, assembly.GetProperty("publicKeyToken").GetString()!));
        }

        return packages;
    }

    private static Dictionary<string, string> PackagesConfig(string relative) =>
        FirmwareProjects.Elements(FirmwareProjects.Xml(relative.Replace('\\', '/')), "package")
            .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value, StringComparer.Ordinal);
}
