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
        Assert.Equal(0, DemoCommand.Run(["--timing", "device", "--seed", "3"], output, TextWriter.Null));
        string text = output.ToString();
        Assert.Contains("guard stopped the motor", text);
        Assert.Matches(@"guard: motor stopped at \d+ ms, \d+ ms after the fault began, \d+ ms after the last check-in; motor on \d+ ms", text);
        Assert.Contains("1 fault(s)", text);
    }

    [Theory]
    [InlineData("--timing", "fast")]
    [InlineData("--fault", "meltdown")]
    [InlineData("--seed", "x")]
    [InlineData("--kind", "garage")]
    [InlineData("--kind", "1")]
    [InlineData("--fault-ms", "60001")]
    public void Bad_options_get_one_line_naming_the_option_and_exit_2(string option, string value)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, DemoCommand.Run([option, value], output, error));
        Assert.Empty(output.ToString());
        string line = Assert.Single(error.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries)).TrimEnd();
        Assert.StartsWith($"demo: {option} takes ", line);
        Assert.Contains($"not '{value}'", line);
        Assert.EndsWith("(see: LockSimulator demo --help)", line);
    }

    [Theory]
    [InlineData("ideal")]
    [InlineData("device")]
    public void The_port_demo_shows_the_bounded_release_the_door_contact_the_held_open_alarm_and_the_self_test(string timing)
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoCommand.Run(["--kind", "port", "--timing", timing], output, new StringWriter()));
        string text = output.ToString();
        Assert.Contains("strike     released (450 mA)", text);
        Assert.Contains("door       pushed: held shut by the strike", text);
        Assert.Contains("DOOR HELD OPEN: open longer than 60 s", text);
        Assert.Contains("self-test BatteryGood", text);
        Assert.Contains("2 confirmed entries, 1 held-open alarm(s)", text);
        Assert.EndsWith("port unit: OK" + System.Environment.NewLine, text);
    }

    [Fact]
    public void The_laundry_demo_names_its_own_kind()
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoCommand.Run(["--kind", "laundry"], output, new StringWriter()));
        Assert.Contains("final: kind Laundry", output.ToString());
        Assert.EndsWith("laundry unit: OK" + System.Environment.NewLine, output.ToString());
    }

    [Fact]
    public void A_fault_is_refused_for_the_port_demo()
    {
        var error = new StringWriter();
        Assert.Equal(2, DemoCommand.Run(["--kind", "port", "--fault", "hang"], new StringWriter(), error));
        Assert.Contains("--fault belongs to the door unit's demo", error.ToString());
    }
}
