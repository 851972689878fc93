using System;
using System.IO;

namespace LockFirmware.HostTests;

/// <summary>Finds files of this repository from the test's working folder.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "LockFirmware.sln")))
        {
            directory = directory.Parent;
        }

        if (directory == null)
        {
            throw new InvalidOperationException("LockFirmware.sln not found above " + AppContext.BaseDirectory);
        }

        return System.IO.Path.Combine(directory.FullName, relative);
    }
}
