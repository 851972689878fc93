using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using LockSimulator.CommandLine;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>selftest</c>'s arguments: a simulated battery (<c>--battery</c>, optionally <c>--vcd</c>)
/// or a recorded trace (<c>--trace</c>, optionally <c>--map</c>), and <c>--junit</c> and
/// <c>--report</c> for either.
/// </summary>
public sealed record SelfTestOptions(string? Battery, string? Vcd, string? Trace, ChannelMap Map, string? JUnit, string? Report)
{
    /// <summary>Adds the options and the rules between them to <paramref name="command"/>; returns how to read them from a parse.</summary>
    public static Func<ParseResult, SelfTestOptions> AddTo(Command command)
    {
        var defaults = new ChannelMap();
        Option<string> battery = OptionKinds.Choice("--battery", "press the button of a simulated lock with this battery and judge 25 s of it", SelfTestBatteries.Names);
        Option<string> vcd = OptionKinds.Text("--vcd", "FILE",
            $"with --battery: also write the run as VCD (1-bit wires: {Signals.Button}, {Signals.GreenLed}, {Signals.RedLed}, {Signals.TestLoad}, " +
            $"{VcdWriter.MotorIn1}, {VcdWriter.MotorIn2}), readable by sigrok-cli and PulseView");
        Option<string> trace = OptionKinds.Text("--trace", "FILE",
            "judge a logic analyser's VCD as sigrok-cli writes it, read unchanged and streamed (see a rig's recording below)");
        var map = new Option<ChannelMap>("--map")
        {
            Description = "which channels carry the button, green and red LEDs, as ROLE=CHANNEL[:low],... (see the channel map below)",
            HelpName = "SPEC",
            CustomParser = ReadMap,
        };
        Option<string> junit = OptionKinds.Text("--junit", "FILE", "write the verdict as JUnit XML for the rig's CI (for an unusable recording too)");
        Option<string> report = OptionKinds.Text("--report", "FILE.html",
            "write a self-contained page: timing diagram of button, green and red with the 10 s and 20 s limits, each press's verdict and the instruction to give");
        command.Options.Add(battery);
        command.Options.Add(vcd);
        command.Options.Add(trace);
        command.Options.Add(map);
        command.Options.Add(junit);
        command.Options.Add(report);
        command.Validators.Add(result =>
        {
            bool simulated = result.GetResult(battery) != null;
            bool recorded = result.GetResult(trace) != null;
            if (simulated == recorded)
            {
                result.AddError("give either --battery (simulate) or --trace (judge a recording)");
            }
            else if (recorded && result.GetResult(vcd) != null)
            {
                result.AddError("--vcd writes a simulated run; with --trace the recording is already a file");
            }
            else if (simulated && result.GetResult(map) != null)
            {
                result.AddError("--map names the channels of a --trace recording");
            }
            else if (result.GetValue(report) is string page && !page.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--report writes an HTML page: give a FILE.html, not '{page}'");
            }
        });
        return parse => new SelfTestOptions(
            parse.GetValue(battery), parse.GetValue(vcd), parse.GetValue(trace), parse.GetValue(map) ?? defaults, parse.GetValue(junit), parse.GetValue(report));
    }

    private static ChannelMap ReadMap(ArgumentResult result)
    {
        try
        {
            return ParseMap(result.Tokens[0].Value);
        }
        catch (FormatException e)
        {
            result.AddError(e.Message);
            return new ChannelMap();
        }
    }

    /// <summary><c>button=D0:low,green=D1,red=D2</c>; a role left out keeps its default channel; <c>:low</c> marks active-low.</summary>
    private static ChannelMap ParseMap(string spec)
    {
        var map = new ChannelMap();
        var seen = new HashSet<string>();
        foreach (string pair in spec.Split(','))
        {
            string[] parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new FormatException($"--map entry '{pair}' is not ROLE=CHANNEL or ROLE=CHANNEL:low");
            }

            if (!seen.Add(parts[0]))
            {
                throw new FormatException($"--map gives '{parts[0]}' twice");
            }

            MappedChannel channel = Channel(parts[1]);
            map = parts[0] switch
            {
                "button" => map with { Button = channel },
                "green" => map with { Green = channel },
                "red" => map with { Red = channel },
                _ => throw new FormatException($"--map role '{parts[0]}' is not button, green or red"),
            };
        }

        return map;
    }

    private static MappedChannel Channel(string text)
    {
        bool activeLow = text.EndsWith(MappedChannel.ActiveLowSuffix, StringComparison.Ordinal);
        string name = activeLow ? text[..^MappedChannel.ActiveLowSuffix.Length] : text;
        if (name.Length == 0 || name.Contains(':'))
        {
            throw new FormatException($"--map channel '{text}' is not CHANNEL or CHANNEL:low");
        }

        return new MappedChannel(name, activeLow);
    }
}
