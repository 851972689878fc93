using System.Collections.Generic;
using System.Globalization;
using LockSimulator.Budget;

namespace LockSimulator.Cli.Commands;

/// <summary><c>battery-life</c>'s arguments, each optional, defaults the reference usage on the production design.</summary>
public sealed record BatteryLifeOptions(int Visits, int? AdvertisingIntervalMs, ImageProfile Profile, string Pack, Chip Chip)
{
    private static readonly string[] Known = ["--visits", "--adv-interval-ms", "--profile", "--pack", "--chip"];

    /// <summary>Throws <see cref="UsageException"/> on an unknown option or a value out of range.</summary>
    public static BatteryLifeOptions Parse(string[] args)
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

        int visits = Number(values, "--visits", 4, 0, 50);
        int? interval = values.ContainsKey("--adv-interval-ms") ? Number(values, "--adv-interval-ms", 1000, 20, 10_240) : null;
        ImageProfile profile = values.GetValueOrDefault("--profile", "low-power") switch
        {
            "low-power" => ImageProfile.LowPower,
            "stock" => ImageProfile.Stock,
            string other => throw new UsageException($"--profile must be low-power or stock, not '{other}'"),
        };
        if (interval != null && profile == ImageProfile.Stock)
        {
            throw new UsageException("--adv-interval-ms needs --profile low-power: the stock image advertises at NimBLE's default");
        }

        string pack = values.GetValueOrDefault("--pack", "li-socl2-2s");
        if (pack != "li-socl2-2s")
        {
            throw new UsageException($"--pack must be li-socl2-2s (hardware/batteries/), not '{pack}'");
        }

        Chip chip = values.GetValueOrDefault("--chip", "c3") switch
        {
            "c3" => Chip.Esp32C3,
            "s3" => Chip.Esp32S3,
            string other => throw new UsageException($"--chip must be c3 or s3, not '{other}'"),
        };
        return new BatteryLifeOptions(visits, interval, profile, pack, chip);
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback, int min, int max)
    {
        if (!values.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{text}'");
        }

        return value;
    }
}
