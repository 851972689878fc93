using System.Collections.Generic;
using LockSimulator.SelfTestJudging;

namespace LockSimulator.Cli.Commands;

/// <summary>
/// <c>selftest</c>'s arguments: a simulated battery (<c>--battery</c>, optionally <c>--vcd</c>)
/// or a recorded trace (<c>--trace</c>, optionally <c>--map</c>), and <c>--junit</c> for either.
/// </summary>
public sealed record SelfTestOptions(string? Battery, string? Vcd, string? Trace, ChannelMap Map, string? JUnit)
{
    private static readonly string[] Known = ["--battery", "--vcd", "--trace", "--map", "--junit"];

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

        ChannelMap map = values.TryGetValue("--map", out string? spec) ? ParseMap(spec) : new ChannelMap();
        return new SelfTestOptions(battery, values.GetValueOrDefault("--vcd"), trace, map, values.GetValueOrDefault("--junit"));
    }

    /// <summary><c>button=D0,green=D1,red=D2</c>; a role left out keeps its default channel name.</summary>
    private static ChannelMap ParseMap(string spec)
    {
        var map = new ChannelMap();
        foreach (string pair in spec.Split(','))
        {
            string[] parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new UsageException($"--map entry '{pair}' is not ROLE=CHANNEL");
            }

            map = parts[0] switch
            {
                "button" => map with { Button = parts[1] },
                "green" => map with { Green = parts[1] },
                "red" => map with { Red = parts[1] },
                _ => throw new UsageException($"--map role '{parts[0]}' is not button, green or red"),
            };
        }

        return map;
    }
}
