using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LockSimulator.Cli.Commands;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary><c>selftest</c> as QA and the rig's CI run it: its exit codes, its lines, and its VCD and JUnit files.</summary>
public sealed class SelfTestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("selftest-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Rig => RepositoryFiles.Path("host-tests/LockFirmware.HostTests/Recordings/sigrok-rig-active-low-two-presses.vcd");

    private string TempFile(string name) => Path.Combine(_dir, name);

    private int Run(params string[] args) => SelfTestCommand.Run(args, _out, _err);

    private string LastLine => _out.ToString().TrimEnd().Split('\n').Last().TrimEnd('\r');

    [Fact]
    public void A_good_battery_passes_with_exit_0_and_writes_a_VCD_that_is_judged_the_same()
    {
        string vcd = TempFile("good.vcd");

        Assert.Equal(0, Run("--battery", "good", "--vcd", vcd));
        Assert.Equal($"PASS: press 1 at 1.00 s, battery good. {CareInstructions.ChangeAsNormal}", LastLine);
        Assert.Contains("ok    red blinks  1 blink", _out.ToString());

        Assert.Equal(0, Run("--trace", vcd));
        Assert.Equal($"PASS: press 1 at 1.00 s, battery good. {CareInstructions.ChangeAsNormal}", LastLine);
        Assert.Empty(_err.ToString());
    }

    [Fact]
    public void A_low_battery_passes_with_two_blinks()
    {
        Assert.Equal(0, Run("--battery", "low"));
        Assert.Contains("2 blinks", _out.ToString());
    }

    [Theory]
    [InlineData("depleted")]
    [InlineData("gas-risk")]
    public void A_completely_discharged_or_gas_risk_battery_fails_with_exit_1(string battery)
    {
        Assert.Equal(1, Run("--battery", battery));
        Assert.Equal($"FAIL: press 1 at 1.00 s: red blinks: no red blink within 20.00 s of the press. {CareInstructions.ReportToService}", LastLine);
    }

    [Fact]
    public void The_JUnit_file_has_one_testcase_per_step_and_the_failure_with_its_reason()
    {
        string junit = TempFile("depleted.xml");

        Assert.Equal(1, Run("--battery", "depleted", "--junit", junit));

        XElement suite = XDocument.Load(junit).Root!;
        Assert.Equal("testsuite", suite.Name.LocalName);
        Assert.Equal("4", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        Assert.Equal(4, suite.Elements("testcase").Count());
        XElement failure = Assert.Single(suite.Descendants("failure"));
        Assert.Equal("press 1 at 1.00 s: red blinks", (string?)failure.Parent!.Attribute("name"));
        Assert.Equal("no red blink within 20.00 s of the press", (string?)failure.Attribute("message"));
        Assert.EndsWith(CareInstructions.ReportToService, failure.Value);
        Assert.NotEqual(0xEF, File.ReadAllBytes(junit)[0]); // no byte order mark
    }

    [Fact]
    public void A_passing_JUnit_file_has_no_failures()
    {
        string junit = TempFile("good.xml");

        Assert.Equal(0, Run("--battery", "good", "--junit", junit));

        XElement suite = XDocument.Load(junit).Root!;
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        Assert.Empty(suite.Descendants("failure"));
        Assert.Equal(4, suite.Elements("testcase").Count());
    }

    [Fact]
    public void A_sigrok_recording_passes_with_its_channels_mapped_active_low()
    {
        Assert.Equal(0, Run("--trace", Rig, "--map", RecordingCases.LowMap));
        Assert.Contains("Recording", _out.ToString());
        Assert.Contains("button=D0:low, green=D1:low, red=D2:low; 0.00 s to 60.00 s", _out.ToString());
    }

    [Fact]
    public void The_help_gives_defaults_map_syntax_glitch_rule_blink_and_exit_codes()
    {
        Assert.Equal(0, Run("--help"));

        string help = _out.ToString();
        Assert.Contains("button=button,green=led.green,red=led.red", help);
        Assert.Contains("ROLE=CHANNEL[:low]", help);
        Assert.Contains("--map button=D0:low,green=D1,red=D2:low", help);
        Assert.Contains("held 0.03 s (the lock's debounce)", help);
        Assert.Contains("shorter than 0.02 s are noise", help);
        Assert.Contains("red lit 0.10 s to 1.00 s", help);
        Assert.Contains("sigrok-cli ... -O vcd -o FILE", help);
        Assert.Contains("0  PASS", help);
        Assert.Contains("1  FAIL", help);
        Assert.Contains("2  unusable", help);
        Assert.Contains("--report FILE.html", help);
    }

    [Fact]
    public void An_unusable_recording_exits_2_and_still_writes_the_JUnit_file()
    {
        string trace = TempFile("short.vcd");
        string junit = TempFile("short.xml");
        File.WriteAllText(trace, RigRecording.Routine().EndingAt(12_000).Vcd());

        Assert.Equal(2, Run("--trace", trace, "--map", RecordingCases.Map, "--junit", junit));

        XElement suite = XDocument.Load(junit).Root!;
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        XElement error = Assert.Single(suite.Descendants("error"));
        Assert.Equal("press 1 at 1.00 s: red blinks", (string?)error.Parent!.Attribute("name"));
        Assert.StartsWith("the recording ends 11.00 s after the press", (string?)error.Attribute("message"));
    }

    [Fact]
    public void A_recording_that_cannot_be_read_exits_2_with_a_JUnit_error()
    {
        string junit = TempFile("missing.xml");

        Assert.Equal(2, Run("--trace", Rig, "--junit", junit));

        XElement error = Assert.Single(XDocument.Load(junit).Root!.Descendants("error"));
        Assert.Contains("no channel 'button'", (string?)error.Attribute("message"));
        Assert.StartsWith("UNUSABLE: no channel 'button'", LastLine);
    }

    [Fact]
    public void The_report_is_one_self_contained_page_with_the_diagram_limits_and_instruction()
    {
        string page = TempFile("depleted.html");

        Assert.Equal(1, Run("--battery", "depleted", "--report", page));

        string html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg", html);
        Assert.Contains("green off by 10 s", html);
        Assert.Contains("red by 20 s", html);
        Assert.Contains("no red blink within 20.00 s of the press", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(CareInstructions.ReportToService), html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
    }

    [Theory]
    [InlineData]
    [InlineData("--battery")]
    [InlineData("--battery", "empty")]
    [InlineData("--battery", "good", "--trace", "x.vcd")]
    [InlineData("--battery", "good", "--map", "red=D2")]
    [InlineData("--battery", "good", "--battery", "low")]
    [InlineData("--trace", "x.vcd", "--vcd", "y.vcd")]
    [InlineData("--trace", "x.vcd", "--map", "led=D2")]
    [InlineData("--trace", "x.vcd", "--map", "red")]
    [InlineData("--colour", "red")]
    [InlineData("--trace", "x.vcd", "--map", "red=D2:high")]
    [InlineData("--trace", "x.vcd", "--map", "red=D2,red=D3")]
    [InlineData("--battery", "good", "--report", "page.txt")]
    public void Unusable_arguments_exit_2_with_one_line_on_stderr(params string[] args)
    {
        Assert.Equal(2, Run(args));
        string line = Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd();
        Assert.StartsWith("selftest: ", line);
        Assert.EndsWith("(see: LockSimulator selftest --help)", line);
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public void A_missing_trace_file_exits_2()
    {
        Assert.Equal(2, Run("--trace", TempFile("absent.vcd")));
        Assert.Contains("absent.vcd", _err.ToString());
    }

    [Fact]
    public void A_file_that_is_not_VCD_exits_2()
    {
        string trace = TempFile("capture.csv");
        File.WriteAllText(trace, "time,button,green,red\n0,0,0,0\n");

        Assert.Equal(2, Run("--trace", trace));
        Assert.Contains("not a VCD file", _err.ToString());
        Assert.DoesNotContain("PASS", _out.ToString());
    }

    [Fact]
    public void An_unwritable_JUnit_path_exits_2()
    {
        Assert.Equal(2, Run("--battery", "good", "--junit", Path.Combine(_dir, "no-such-dir", "out.xml")));
        Assert.NotEmpty(_err.ToString());
    }

    [Fact]
    public void The_VCD_of_a_run_holds_what_the_judge_saw()
    {
        string vcd = TempFile("low.vcd");
        Run("--battery", "low", "--vcd", vcd);

        using StreamReader file = File.OpenText(vcd);
        DigitalSignal red = VcdReader.Read(file).Channel("led.red");
        Assert.Equal(4, red.Changes.Count); // two blinks: on, off, on, off
    }
}
