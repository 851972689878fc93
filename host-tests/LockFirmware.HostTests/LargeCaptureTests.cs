using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit.Abstractions;

namespace LockFirmware.HostTests;

/// <summary>
/// A long rig capture at a high sample rate is judged in bounded memory: a 200 MB VCD is
/// generated into a temp folder (a busy probe on D3 at 100 kHz, a press every 30 s answered
/// by the routine, 5 µs spikes on the red line) and judged by the real command in a child
/// process, whose peak resident memory is read from /proc while it runs and whose managed
/// heap is capped, so that loading the file whole cannot pass.
/// </summary>
public sealed class LargeCaptureTests : IDisposable
{
    private const long TargetBytes = 200L * 1024 * 1024;
    private const long MemoryLimitBytes = 200L * 1024 * 1024;
    private const long GcHeapCapBytes = 64L * 1024 * 1024;
    private const long PressEveryUs = 30_000_000;

    private readonly string _dir = Directory.CreateTempSubdirectory("large-capture-").FullName;
    private readonly ITestOutputHelper _log;

    public LargeCaptureTests(ITestOutputHelper log)
    {
        _log = log;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_200_MB_capture_is_judged_in_under_200_MB_of_memory()
    {
        string trace = Path.Combine(_dir, "rig.vcd");
        int presses = Generate(trace);
        Assert.True(new FileInfo(trace).Length >= TargetBytes);

        var clock = Stopwatch.StartNew();
        (int exit, string output, long peakBytes) = Judge(trace);
        _log.WriteLine($"{new FileInfo(trace).Length / (1024 * 1024)} MB judged in {clock.Elapsed.TotalSeconds:0.0} s, peak resident {peakBytes / (1024 * 1024)} MB");

        Assert.True(exit == 0, $"exit {exit}\n{output}");
        Assert.Contains($"PASS: {presses} presses: battery good at press 1", output);
        Assert.True(peakBytes > 0, "the child's peak memory was not read");
        Assert.True(peakBytes < MemoryLimitBytes, $"peak resident memory {peakBytes / (1024 * 1024)} MB");
    }

    /// <summary>Writes the capture; returns how many presses it holds.</summary>
    private static int Generate(string path)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        file.Write("META samplerate: 100000\n$timescale 10 us $end\n$scope module libsigrok $end\n" +
            "$var wire 1 ! D0 $end\n$var wire 1 \" D1 $end\n$var wire 1 # D2 $end\n$var wire 1 $ D3 $end\n" +
            "$upscope $end\n$enddefinitions $end\n#0 0! 0\" 0# 0$\n");
        long us = 0;
        bool probe = false;
        int presses = 0;
        Span<char> line = stackalloc char[64];
        while (file.BaseStream.Position < TargetBytes || us % PressEveryUs < 25_000_000)
        {
            us += 10;
            long inCycle = us % PressEveryUs;
            probe = !probe;
            string changes = inCycle switch
            {
                1_000_000 => " 1!",
                1_300_000 => " 0!",
                1_030_000 => " 1\"",
                5_030_000 => " 0\"",
                7_030_000 or 2_000_000 => " 1#",
                7_330_000 or 2_000_010 => " 0#", // a blink, and a 10 us spike while green is lit
                _ => "",
            };
            if (inCycle == 1_000_000)
            {
                presses++;
            }

            line[0] = '#';
            (us / 10).TryFormat(line[1..], out int digits);
            file.Write(line[..(digits + 1)]);
            file.Write(probe ? " 1$" : " 0$");
            file.Write(changes);
            file.Write('\n');
        }

        file.Write($"#{us / 10 + 1}\n");
        return presses;
    }

    /// <summary>Runs <c>selftest --trace</c> in a child process and samples its peak resident set (VmHWM).</summary>
    private static (int Exit, string Output, long PeakBytes) Judge(string trace)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LockSimulator.dll"));
        foreach (string arg in new[] { "selftest", "--trace", trace, "--map", RecordingCases.Map })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + GcHeapCapBytes.ToString("X");
        using Process child = Process.Start(start)!;
        var output = new StringBuilder();
        child.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        child.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        long peak = 0;
        while (!child.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResidentBytes(child.Id));
        }

        child.WaitForExit();
        return (child.ExitCode, output.ToString(), peak);
    }

    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0]) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The child ended between two samples.
        }

        return 0;
    }
}
