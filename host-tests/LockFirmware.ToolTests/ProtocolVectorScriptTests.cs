using System;
using System.Diagnostics;
using System.IO;
using LockFirmware.HostTests;

namespace LockFirmware.ToolTests;

/// <summary>
/// docs/PROTOCOL.md's vector block is exactly what the independent implementation prints
/// (docs/protocol_vectors.py: Python's hmac and an AES-128 written from FIPS-197), so the
/// document, the .NET library and the firmware are checked against code that shares nothing
/// with them (the other vector tests in LockFirmware.HostTests read the same block).
/// </summary>
public class ProtocolVectorScriptTests
{
    [Fact]
    public void The_documented_vectors_are_what_the_independent_script_computes()
    {
        string document = File.ReadAllText(RepositoryFiles.Path("docs/PROTOCOL.md"));
        int start = document.IndexOf("```vectors", StringComparison.Ordinal);
        int end = document.IndexOf("```", start + 3, StringComparison.Ordinal);
        string block = document[start..(end + 3)];

        var python = new ProcessStartInfo("python3", RepositoryFiles.Path("docs/protocol_vectors.py")) { RedirectStandardOutput = true };
        using Process process = Process.Start(python)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(block.ReplaceLineEndings("\n"), output.Trim().ReplaceLineEndings("\n"));
    }
}
