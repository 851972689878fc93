using System.Globalization;

namespace LockSimulator.SelfTestJudging;

/// <summary>Measured times as step lines show them.</summary>
internal static class Durations
{
    public static string Seconds(long us) => (us / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(long us) => (us / 1e3).ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
