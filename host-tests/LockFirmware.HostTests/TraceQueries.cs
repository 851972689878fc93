using System.Collections.Generic;
using System.Linq;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>Small queries over a recorded trace, so tests read as the routine does.</summary>
internal static class TraceQueries
{
    public static IEnumerable<TraceEvent> On(this IEnumerable<TraceEvent> events, string signal) =>
        events.Where(e => e.Signal == signal);

    public static long FirstTime(this IEnumerable<TraceEvent> events, string signal, string value, long after = long.MinValue) =>
        events.First(e => e.Signal == signal && e.Value == value && e.TimeMs >= after).TimeMs;

    public static int Count(this IEnumerable<TraceEvent> events, string signal, string value) =>
        events.Count(e => e.Signal == signal && e.Value == value);

    /// <summary>How long the bridge drove the motor (unlock or lock) from <paramref name="from"/> to before <paramref name="to"/>.</summary>
    public static long MotorOnMs(this IEnumerable<TraceEvent> events, long from, long to = long.MaxValue)
    {
        long total = 0;
        long? since = null;
        foreach (TraceEvent e in events.On(Signals.Motor).Where(e => e.TimeMs >= from && e.TimeMs < to))
        {
            bool driving = e.Value is "unlock" or "lock";
            if (driving && since == null)
            {
                since = e.TimeMs;
            }
            else if (!driving && since != null)
            {
                total += e.TimeMs - since.Value;
                since = null;
            }
        }

        return total;
    }
}
