using System.IO;
using LockSimulator.Cli.Commands;

namespace LockFirmware.HostTests;

/// <summary>Issue 20: the <c>latency</c> command prints the distributions and judges the targets; bad options change nothing.</summary>
public class LatencyCommandTests
{
    [Fact]
    public void It_prints_each_kind_of_visit_and_the_fleet_mix_against_the_targets()
    {
        var output = new StringWriter();
        int exit = LatencyCommand.Run(["--interval-ms", "30", "--runs", "3"], output, new StringWriter());

        string text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("connection interval 30 ms", text);
        Assert.Contains("fleet mix", text);
        Assert.Contains("≤ 4 intervals + 20 ms = 140 ms", text);
        Assert.EndsWith("targets met by the common visit" + System.Environment.NewLine, text);
    }

    [Theory]
    [InlineData("--interval-ms", "5")]
    [InlineData("--runs", "0")]
    [InlineData("--runs", "many")]
    [InlineData("--speed", "1")]
    public void A_bad_option_is_refused_with_one_line_and_exit_2(string option, string value)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(2, LatencyCommand.Run([option, value], output, error));
        string line = Assert.Single(error.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)).TrimEnd();
        Assert.StartsWith("latency: ", line);
        Assert.EndsWith("(see: LockSimulator latency --help)", line);
        Assert.Equal("", output.ToString());
    }
}
