using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LockFirmware.HostTests;

/// <summary>
/// Writes a test rig's recording as VCD text: channels D0 (button), D1 (green), D2 (red) and
/// D3 (a probe on something else), pulses given in milliseconds, in any timescale, with either
/// polarity, in sigrok-cli's style (a <c>META</c> line, changes on the timestamp's line) or
/// one change per line.
/// </summary>
internal sealed class RigRecording
{
    public const string Button = "D0";
    public const string Green = "D1";
    public const string Red = "D2";
    public const string Other = "D3";

    private static readonly string[] Channels = [Button, Green, Red, Other];

    private readonly List<(double Ms, string Channel, bool Active)> _changes = new();
    private double _endMs = 26_000;

    /// <summary>The timescale written into the header: "1 us", "10 ns", "1 ms"…</summary>
    public string Timescale { get; init; } = "1 us";

    /// <summary>Every line active-low: pressed or lit is written as 0.</summary>
    public bool ActiveLow { get; init; }

    /// <summary>sigrok-cli's own layout: a META samplerate line first, changes on the timestamp's line.</summary>
    public bool SigrokStyle { get; init; }

    /// <summary>A clean self-test answer to a press at <paramref name="pressMs"/>: held 0.3 s, green 0.03..4.03 s, then <paramref name="blinks"/> blinks from 6.03 s.</summary>
    public static RigRecording Routine(double pressMs = 1_000, int blinks = 1) => new RigRecording().Answer(pressMs, blinks);

    /// <summary>Adds a press held 0.3 s, and the firmware's answer to it.</summary>
    public RigRecording Answer(double pressMs, int blinks = 1)
    {
        Pulse(Button, pressMs, pressMs + 300).Pulse(Green, pressMs + 30, pressMs + 4_030);
        for (int i = 0; i < blinks; i++)
        {
            Pulse(Red, pressMs + 6_030 + i * 800, pressMs + 6_330 + i * 800);
        }

        return this;
    }

    /// <summary>The channel is active from <paramref name="fromMs"/> until <paramref name="toMs"/> (null: to the end).</summary>
    public RigRecording Pulse(string channel, double fromMs, double? toMs = null)
    {
        _changes.Add((fromMs, channel, true));
        if (toMs is double to)
        {
            _changes.Add((to, channel, false));
        }

        return this;
    }

    /// <summary>Removes every pulse of <paramref name="channel"/> (to rebuild it differently).</summary>
    public RigRecording Without(string channel)
    {
        _changes.RemoveAll(c => c.Channel == channel);
        return this;
    }

    /// <summary>The recording's last timestamp; what would come later is not recorded.</summary>
    public RigRecording EndingAt(double ms)
    {
        _endMs = ms;
        return this;
    }

    public string Vcd()
    {
        long tickFs = TickFemtoseconds(Timescale);
        var text = new StringBuilder();
        if (SigrokStyle)
        {
            text.Append(CultureInfo.InvariantCulture, $"META samplerate: {1_000_000_000_000_000 / tickFs}\n");
            text.Append("$date Mon Nov 30 12:00:00 2026 $end\n$version libsigrok 0.5.2 $end\n$comment\n  Acquisition with 4/4 channels\n$end\n");
        }

        text.Append($"$timescale {Timescale} $end\n$scope module libsigrok $end\n");
        for (int i = 0; i < Channels.Length; i++)
        {
            text.Append($"$var wire 1 {(char)('!' + i)} {Channels[i]} $end\n");
        }

        text.Append("$upscope $end\n$enddefinitions $end\n");
        var initial = Channels.Select((c, i) => Level(false, i)).ToList();
        text.Append(SigrokStyle ? "#0 " + string.Join(" ", initial) + "\n" : "#0\n$dumpvars\n" + string.Join("\n", initial) + "\n$end\n");
        foreach (IGrouping<long, (double Ms, string Channel, bool Active)> instant in _changes.Where(c => c.Ms <= _endMs).OrderBy(c => c.Ms).GroupBy(c => Ticks(c.Ms, tickFs)))
        {
            IEnumerable<string> values = instant.Select(c => Level(c.Active, Array.IndexOf(Channels, c.Channel)));
            text.Append(SigrokStyle
                ? $"#{instant.Key} {string.Join(" ", values)}\n"
                : $"#{instant.Key}\n{string.Join("\n", values)}\n");
        }

        text.Append($"#{Ticks(_endMs, tickFs)}\n");
        return text.ToString();
    }

    private string Level(bool active, int channel) => (active != ActiveLow ? "1" : "0") + (char)('!' + channel);

    private static long Ticks(double ms, long tickFs) => (long)Math.Round(ms * 1e12 / tickFs);

    private static long TickFemtoseconds(string timescale)
    {
        string[] parts = timescale.Split(' ');
        long unit = parts[1] switch
        {
            "s" => 1_000_000_000_000_000,
            "ms" => 1_000_000_000_000,
            "us" => 1_000_000_000,
            "ns" => 1_000_000,
            _ => 1_000,
        };
        return long.Parse(parts[0], CultureInfo.InvariantCulture) * unit;
    }
}
