using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LockSimulator.Cli.Commands;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Runs every case of <see cref="RecordingCases"/> as QA runs the tool: <c>selftest --trace
/// FILE --map … --junit FILE</c>, and checks its exit code, each press's outcome, the phrases,
/// the JUnit file, and that every FAIL names the rule, the measured time and the instruction.
/// </summary>
public sealed class RecordingSuiteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recordings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(RecordingCases.Names), MemberType = typeof(RecordingCases))]
    public void The_recording_gets_its_verdict(string name)
    {
        RecordingCases.Case c = RecordingCases.Named(name);
        string trace = Path.Combine(_dir, "rig.vcd");
        string junit = Path.Combine(_dir, "rig.xml");
        File.WriteAllText(trace, c.Vcd());
        var output = new StringWriter();

        int exit = SelfTestCommand.Run(["--trace", trace, "--map", c.Map, "--junit", junit], output, new StringWriter());

        string text = output.ToString();
        Assert.True(c.Exit == exit, $"{c.Name} ({c.Why}): exit {exit}, expected {c.Exit}\n{text}");
        foreach (string phrase in c.Expect)
        {
            Assert.True(text.Contains(phrase, StringComparison.Ordinal), $"{c.Name}: '{phrase}' missing from\n{text}");
        }

        Assert.Equal(c.Presses, string.Join(",", Regex.Matches(text, @"^  → (PASS|FAIL|UNUSABLE)  ", RegexOptions.Multiline).Select(m => m.Groups[1].Value)));
        string last = text.TrimEnd().Split('\n')[^1];
        Assert.StartsWith(exit switch { 0 => "PASS: ", 1 => "FAIL: ", _ => "UNUSABLE: " }, last);
        if (exit != 0)
        {
            // Only a passed press may say what the battery is; a FAIL or unusable verdict never does.
            Assert.DoesNotMatch("battery (good|low)", last);
            if (!c.Presses.Contains("PASS", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch("battery (good|low)", text);
            }
        }

        if (exit == 1)
        {
            Assert.Matches(@"(green on|green off|order|red blinks): .*\d+\.\d\d s", last);
            Assert.EndsWith(CareInstructions.ReportToService, last);
        }

        XElement suite = XDocument.Load(junit).Root!;
        Assert.Equal(exit == 1, (int)suite.Attribute("failures")! > 0);
        Assert.Equal(exit == 2, (int)suite.Attribute("errors")! > 0);
    }

    [Fact]
    public void Every_case_says_why()
    {
        Assert.All(RecordingCases.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Why)));
        Assert.Equal(RecordingCases.All.Count, RecordingCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("sigrok-simulated-good.vcd")]
    [InlineData("sigrok-rig-active-low-two-presses.vcd")]
    public void The_sigrok_files_are_sigrok_cli_output_as_it_is(string file)
    {
        string text = File.ReadAllText(RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/" + file));

        Assert.StartsWith("META samplerate: ", text);
        Assert.Contains("$version libsigrok", text);
    }

    [Fact]
    public void Sigrok_META_line_gives_the_sample_rate()
    {
        using var text = new StringReader(File.ReadAllText(RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/sigrok-rig-active-low-two-presses.vcd")));

        Assert.Equal(100_000, VcdReader.Open(text).SampleRateHz);
    }
}
