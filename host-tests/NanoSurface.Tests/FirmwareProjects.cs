using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NanoSurface.Tests;

/// <summary>The repository's nanoFramework projects and the files around them, read as text and XML.</summary>
public static class FirmwareProjects
{
    public static readonly string Root = FindRoot();

    /// <summary>The three .nfproj files, relative to the repository root with '/' separators.</summary>
    public static readonly string[] Paths =
    [
        "firmware/LockFirmware.Core/LockFirmware.Core.nfproj",
        "firmware/LockFirmware/LockFirmware.nfproj",
        "firmware/LockFirmware.Tests/LockFirmware.Tests.nfproj",
    ];

    public static string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Text(string relative) => File.ReadAllText(Full(relative));

    public static XDocument Xml(string relative) => XDocument.Load(Full(relative));

    /// <summary>Every element of that local name, whatever its namespace (legacy projects use the 2003 MSBuild one).</summary>
    public static IEnumerable<XElement> Elements(XDocument document, string name) =>
        document.Descendants().Where(e => e.Name.LocalName == name);

    /// <summary>The values of nf.props' properties, e.g. NanoCoreLibraryVersion → 1.17.11.</summary>
    public static Dictionary<string, string> NfProps() =>
        Elements(Xml("nf.props"), "PropertyGroup").SelectMany(g => g.Elements())
            .GroupBy(e => e.Name.LocalName)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nf.props")) && File.Exists(Path.Combine(dir.FullName, "LockFirmware.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (nf.props) not found above " + AppContext.BaseDirectory);
    }
}
