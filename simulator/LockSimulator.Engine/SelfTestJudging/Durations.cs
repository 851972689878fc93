using System;
using System.Globalization;

namespace LockSimulator.SelfTestJudging;

/// <summary>
/// Times as every line, page and JUnit file shows them: seconds with two decimals ("6.03 s").
/// A time judged against a limit is rounded away from it, so that a time over the limit never
/// reads as equal to it ("10.01 s (limit 10.00 s)", not "10.00 s").
/// </summary>
public static class Durations
{
    private const long Hundredth = 10_000;

    /// <summary>Rounded to the nearest hundredth of a second.</summary>
    public static string Seconds(long us) => Format(Math.Round(us / (double)Hundredth, MidpointRounding.AwayFromZero));

    /// <summary>Rounded up when over <paramref name="limitUs"/>, down when under it.</summary>
    public static string Seconds(long us, long limitUs)
    {
        double hundredths = us / (double)Hundredth;
        return Format(us > limitUs ? Math.Ceiling(hundredths) : us < limitUs ? Math.Floor(hundredths) : hundredths);
    }

    private static string Format(double hundredths) => (hundredths / 100).ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
