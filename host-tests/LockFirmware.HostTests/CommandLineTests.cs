using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LockSimulator.Cli.Commands;
using LockSimulator.CommandLine;
using LockSimulator.Server;

namespace LockFirmware.HostTests;

/// <summary>The simulator's command-line conventions: generated help, one-line usage errors with exit 2, and the adapter for hand-parsed commands.</summary>
public sealed class CommandLineTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static Command[] Commands() =>
        [DemoCommand.Build(), SelfTestCommand.Build(), AuditCommand.Build(), PowerCutCommand.Build(), ServeCommand.Build(), ProvisionCommand.Build(), LatencyCommand.Build(), BatteryLifeCommand.Build()];

    private int Run(Command root, params string[] args) => SimulatorCommandLine.Run(root, args, _out, _err);

    private string ErrorLine => Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd();

    [Fact]
    public void Every_command_has_generated_help_listing_its_options_and_exits_0()
    {
        foreach (Command command in Commands())
        {
            _out.GetStringBuilder().Clear();
            Assert.Equal(0, Run(SimulatorCommandLine.Root(Commands()), command.Name, "--help"));
            string help = _out.ToString();
            Assert.Contains($"LockSimulator {command.Name} [", help);
            Assert.All(command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--", StringComparison.Ordinal)), o => Assert.Contains(o.Name, help));
        }

        Assert.Empty(_err.ToString());
    }

    [Fact]
    public void The_root_help_lists_every_command_with_its_summary()
    {
        Command[] commands = Commands();
        Assert.Equal(0, Run(SimulatorCommandLine.Root(commands), "--help"));
        Assert.All(commands, c => Assert.Contains($"  {c.Name}", _out.ToString()));
        Assert.Contains("judge the push-button self-test", _out.ToString());
    }

    [Fact]
    public void No_command_prints_the_help_and_exits_2()
    {
        Assert.Equal(SimulatorCommandLine.UsageError, Run(SimulatorCommandLine.Root(Commands())));
        Assert.Contains("Commands:", _out.ToString());
    }

    [Fact]
    public void An_unknown_command_is_one_line_on_stderr_and_exit_2()
    {
        Assert.Equal(2, Run(SimulatorCommandLine.Root(Commands()), "frobnicate"));
        Assert.Equal("LockSimulator: unrecognized command or argument 'frobnicate' (see: LockSimulator --help)", ErrorLine);
        Assert.Empty(_out.ToString());
    }

    [Theory]
    [InlineData("serve fleet --locks 0", "serve fleet: --locks takes a whole number 1 … 250000, not '0' (see: LockSimulator serve fleet --help)")]
    [InlineData("serve --port 70000", "serve: --port takes a whole number 0 … 65535, not '70000' (see: LockSimulator serve --help)")]
    [InlineData("serve --listen nowhere", "serve: --listen takes an IP address (e.g. 0.0.0.0), not 'nowhere' (see: LockSimulator serve --help)")]
    [InlineData("powercut --lives -1", "powercut: --lives takes a whole number ≥ 0, not '-1' (see: LockSimulator powercut --help)")]
    [InlineData("provision --serial LK1", "provision: option '--factory-key' is required (see: LockSimulator provision --help)")]
    [InlineData("audit now", "audit: unrecognized command or argument 'now' (see: LockSimulator audit --help)")]
    [InlineData("selftest --battery good --battery low", "selftest: option '--battery' expects a single argument but 2 were provided (see: LockSimulator selftest --help)")]
    public void A_usage_error_is_one_line_naming_the_command_and_exit_2(string commandLine, string expected)
    {
        Assert.Equal(2, Run(SimulatorCommandLine.Root(Commands()), commandLine.Split(' ')));
        Assert.Equal(expected, ErrorLine);
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public void A_refusal_made_while_running_is_the_same_one_line_without_dotnets_parameter_name()
    {
        string key = new string('7', 64);

        Assert.Equal(2, ProvisionCommand.Run(["--serial", "TOO-LONG-SERIAL", "--factory-key", key], _out, _err));
        Assert.StartsWith("provision: a serial is ", ErrorLine);
        Assert.EndsWith("(see: LockSimulator provision --help)", ErrorLine);
        Assert.DoesNotContain("Parameter", ErrorLine);
    }

    [Fact]
    public void A_commands_notes_follow_its_generated_help()
    {
        var command = new NotedCommand("probe", "a command with notes", "Exit codes:\n  0  fine\n");
        command.SetAction(_ => 0);

        Assert.Equal(0, SimulatorCommandLine.RunAlone(command, ["-h"], _out, _err));
        string help = _out.ToString();
        Assert.True(help.IndexOf("Options:", StringComparison.Ordinal) < help.IndexOf("Exit codes:", StringComparison.Ordinal), help);
    }
}
