using System.Collections.Generic;
using LockSimulator.SelfTestJudging;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>selftest</c>'s arguments: a simulated battery (<c>--battery</c>, optionally <c>--vcd</c>)
/// or a recorded trace (<c>--trace</c>, optionally <c>--map</c>), and <c>--junit</c> and
/// <c>--report</c> for either.
/// </summary>
public sealed record SelfTestOptions(string? Battery, string? Vcd, string? Trace, ChannelMap Map, string? JUnit, string? Report)
{
    private static readonly string[] Known = ["--battery", "--vcd", "--trace", "--map", "--junit", "--report"];

    /// <summary>Throws <see cref="UsageException"/> on anything but one well-formed mode.</summary>
    public static SelfTestOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (System.Array.IndexOf(Known, args[i]) < 0)
            {
                throw new UsageException($"unknown option '{args[i]}'");
            }

            if (i + 1 >= args.Length || args[i + 1].Length == 0)
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], args[i + 1]))
            {
                throw new UsageException($"{args[i]} given twice");
            }
        }

        string? battery = values.GetValueOrDefault("--battery");
        string? trace = values.GetValueOrDefault("--trace");
        if ((battery == null) == (trace == null))
        {
            throw new UsageException("give either --battery (simulate) or --trace (judge a recording)");
        }

        if (trace != null && values.ContainsKey("--vcd"))
        {
            throw new UsageException("--vcd writes a simulated run; with --trace the recording is already a file");
        }

        if (battery != null && values.ContainsKey("--map"))
        {
            throw new UsageException("--map names the channels of a --trace recording");
        }

        if (values.TryGetValue("--report", out string? report) && !report.EndsWith(".html", System.StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--report writes an HTML page: give a FILE.html, not '{report}'");
        }

        ChannelMap map = values.TryGetValue("--map", out string? spec) ? ParseMap(spec) : new ChannelMap();
        return new SelfTestOptions(battery, values.GetValueOrDefault("--vcd"), trace, map, values.GetValueOrDefault("--junit"), report);
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
                throw new UsageException($"--map entry '{pair}' is not ROLE=CHANNEL or ROLE=CHANNEL:low");
            }

            if (!seen.Add(parts[0]))
            {
                throw new UsageException($"--map gives '{parts[0]}' twice");
            }

            MappedChannel channel = Channel(parts[1]);
            map = parts[0] switch
            {
                "button" => map with { Button = channel },
                "green" => map with { Green = channel },
                "red" => map with { Red = channel },
                _ => throw new UsageException($"--map role '{parts[0]}' is not button, green or red"),
            };
        }

        return map;
    }

    private static MappedChannel Channel(string text)
    {
        bool activeLow = text.EndsWith(MappedChannel.ActiveLowSuffix, System.StringComparison.Ordinal);
        string name = activeLow ? text[..^MappedChannel.ActiveLowSuffix.Length] : text;
        if (name.Length == 0 || name.Contains(':'))
        {
            throw new UsageException($"--map channel '{text}' is not CHANNEL or CHANNEL:low");
        }

        return new MappedChannel(name, activeLow);
    }
}
