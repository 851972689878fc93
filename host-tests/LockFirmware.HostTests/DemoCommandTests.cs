using System.IO;
using LockSimulator.Cli.Commands;

namespace LockFirmware.HostTests;

/// <summary>Issue 13's demo: on the board's timing a hang mid-move is stopped by the guard within its bound.</summary>
public class DemoCommandTests
{
    [Fact]
    public void The_device_timing_demo_shows_the_guard_stopping_a_hung_move_and_exits_0()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoCommand.Run(["--timing", "device", "--seed", "3"], output));
        string text = output.ToString();
        Assert.Contains("guard stopped the motor", text);
        Assert.Matches(@"guard: motor stopped at \d+ ms, \d+ ms after the fault began, \d+ ms after the last check-in; motor on \d+ ms", text);
        Assert.Contains("1 fault(s)", text);
    }

    [Theory]
    [InlineData("--timing", "fast")]
    [InlineData("--fault", "meltdown")]
    [InlineData("--seed", "x")]
    public void Bad_options_get_the_usage_and_exit_2(string option, string value)
    {
        var output = new StringWriter();
        Assert.Equal(2, DemoCommand.Run([option, value], output));
        Assert.Contains("usage: demo", output.ToString());
    }
}
