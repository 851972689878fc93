using System;
using System.Globalization;
using System.Text;
using LockSimulator.SelfTestJudging;
using LockSimulator.Tracing;

namespace LockSimulator.Cli.Reports;

/// <summary>
/// An inline SVG timing diagram of button, green and red (as judged: active-high, glitches
/// removed) over a span of the recording; for one press, the routine's limits are drawn on
/// it: green must be off by 10 s, red must have blinked by 20 s.
/// </summary>
internal static class TimingDiagram
{
    private const int Width = 960;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 26;
    private const int RowHeight = 46;
    private const int PulseHeight = 26;

    private static readonly (string Label, string Colour, Func<SelfTestRecording, DigitalSignal> Signal)[] Rows =
    [
        ("button", "#455a64", r => r.Button),
        ("green", "#2e7d32", r => r.Green),
        ("red", "#c62828", r => r.Red),
    ];

    /// <summary>The span <paramref name="fromUs"/>..<paramref name="toUs"/>; with a press, times are shown from it and the limits drawn.</summary>
    public static string Svg(SelfTestRecording r, long fromUs, long toUs, long? pressUs, string title)
    {
        int height = Top + Rows.Length * RowHeight + 44;
        long zero = pressUs ?? 0;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append($"<title>{Html.Text(title)}</title>");
        double X(long us) => Left + (us - fromUs) * (double)(Width - Left - Right) / Math.Max(1, toUs - fromUs);

        if (pressUs is long press)
        {
            Limit(svg, X(press), "press", "#455a64");
            Limit(svg, X(press + SelfTestRules.GreenOffLimitUs), "green off by 10 s", "#2e7d32");
            Limit(svg, X(press + SelfTestRules.RedLimitUs), "red by 20 s", "#c62828");
        }

        for (int row = 0; row < Rows.Length; row++)
        {
            int baseline = Top + row * RowHeight + PulseHeight + 8;
            svg.Append($"<text x=\"8\" y=\"{baseline - 6}\" fill=\"{Rows[row].Colour}\" font-weight=\"bold\">{Rows[row].Label}</text>");
            svg.Append($"<path d=\"{Wave(Rows[row].Signal(r), fromUs, toUs, baseline, X)}\" fill=\"{Rows[row].Colour}\" fill-opacity=\"0.35\" stroke=\"{Rows[row].Colour}\" stroke-width=\"1.5\"/>");
        }

        Axis(svg, fromUs, toUs, zero, Top + Rows.Length * RowHeight + 6, X, pressUs != null ? " after the press" : " into the recording");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A closed outline: high stretches become filled pulses, so a short blink is still visible.</summary>
    private static string Wave(DigitalSignal signal, long fromUs, long toUs, int baseline, Func<long, double> x)
    {
        var d = new StringBuilder();
        bool level = signal.LevelAt(fromUs);
        int high = baseline - PulseHeight;
        d.Append($"M{N(x(fromUs))},{baseline} V{(level ? high : baseline)}");
        foreach (LevelChange c in signal.Changes)
        {
            if (c.TimeUs <= fromUs || c.TimeUs >= toUs || c.Level == level)
            {
                continue;
            }

            level = c.Level;
            d.Append($" H{N(x(c.TimeUs))} V{(level ? high : baseline)}");
        }

        d.Append($" H{N(x(toUs))} V{baseline} Z");
        return d.ToString();
    }

    private static void Limit(StringBuilder svg, double x, string label, string colour)
    {
        if (x < Left || x > Width - Right)
        {
            return;
        }

        svg.Append($"<line x1=\"{N(x)}\" y1=\"{Top - 8}\" x2=\"{N(x)}\" y2=\"{Top + Rows.Length * RowHeight}\" stroke=\"{colour}\" stroke-dasharray=\"5,4\" stroke-width=\"1.5\"/>");
        svg.Append($"<text x=\"{N(x + 4)}\" y=\"{Top - 12}\" fill=\"{colour}\">{Html.Text(label)}</text>");
    }

    /// <summary>Ticks every 1, 2, 5, 10… seconds, about ten of them, in seconds from <paramref name="zero"/>.</summary>
    private static void Axis(StringBuilder svg, long fromUs, long toUs, long zero, int y, Func<long, double> x, string unit)
    {
        svg.Append($"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"#90a4ae\"/>");
        long step = 1_000_000;
        foreach (long candidate in new long[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000 })
        {
            step = candidate * 1_000_000;
            if ((toUs - fromUs) / step <= 12)
            {
                break;
            }
        }

        long first = zero + (long)Math.Ceiling((fromUs - zero) / (double)step) * step;
        for (long t = first; t <= toUs; t += step)
        {
            svg.Append($"<line x1=\"{N(x(t))}\" y1=\"{y}\" x2=\"{N(x(t))}\" y2=\"{y + 5}\" stroke=\"#90a4ae\"/>");
            svg.Append($"<text x=\"{N(x(t))}\" y=\"{y + 18}\" text-anchor=\"middle\" fill=\"#37474f\">{(t - zero) / 1_000_000} s</text>");
        }

        svg.Append($"<text x=\"{Width - Right}\" y=\"{y + 32}\" text-anchor=\"end\" fill=\"#607d8b\">seconds{unit}</text>");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
