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

    private string TempFile(string name) => Path.Combine(_dir, name);

    private int Run(params string[] args) => SelfTestCommand.Run(args, _out, _err);

    private string LastLine => _out.ToString().TrimEnd().Split('\n').Last().TrimEnd('\r');

    [Fact]
    public void A_good_battery_passes_with_exit_0_and_writes_a_VCD_that_is_judged_the_same()
    {
        string vcd = TempFile("good.vcd");

        Assert.Equal(0, Run("--battery", "good", "--vcd", vcd));
        Assert.Equal("PASS: " + SelfTestVerdict.PassText, LastLine);
        Assert.Contains("ok    red blinks  1 blink", _out.ToString());

        Assert.Equal(0, Run("--trace", vcd));
        Assert.Equal("PASS: " + SelfTestVerdict.PassText, LastLine);
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
        Assert.Equal("FAIL: " + SelfTestJudge.NoBlinkText, LastLine);
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
        Assert.Equal(SelfTestJudge.RedBlinks, (string?)failure.Parent!.Attribute("name"));
        Assert.Equal(SelfTestJudge.NoBlinkText, (string?)failure.Attribute("message"));
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
    public void A_sigrok_recording_passes_with_its_channels_mapped()
    {
        string trace = TempFile("rig.vcd");
        File.WriteAllText(trace, SigrokCapture.Text);

        Assert.Equal(0, Run("--trace", trace, "--map", "button=D0,green=D1,red=D2"));
        Assert.Contains("green on 30 ms after the press", _out.ToString());
        Assert.Contains("1 blink, 6.030 s after the press", _out.ToString());
    }

    [Fact]
    public void A_sigrok_recording_judged_on_the_wrong_red_channel_fails()
    {
        string trace = TempFile("rig.vcd");
        File.WriteAllText(trace, SigrokCapture.Text);

        Assert.Equal(1, Run("--trace", trace, "--map", "button=D0,green=D1,red=D3"));
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
    public void Unusable_arguments_exit_2_with_the_usage_on_stderr(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.Contains("usage: selftest", _err.ToString());
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
    public void A_recording_without_the_named_channel_exits_2_and_names_it()
    {
        string trace = TempFile("rig.vcd");
        File.WriteAllText(trace, SigrokCapture.Text);

        Assert.Equal(2, Run("--trace", trace));
        Assert.Contains("no channel 'button'", _err.ToString());
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
