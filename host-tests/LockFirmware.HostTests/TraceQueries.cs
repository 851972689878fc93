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
}
