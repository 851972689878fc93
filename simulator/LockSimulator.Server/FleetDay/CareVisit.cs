using System;

namespace LockSimulator.Server.FleetDay;

/// <summary>
/// A care visit of the fleet day: when the staff member arrives at the customer's building and
/// when they leave. A customer's visits are the first draws of the customer's plan, so the
/// customer's door unit and the building's port unit see the same visits wherever each runs.
/// </summary>
internal readonly record struct CareVisit(long ArrivalMs, long LeaveMs)
{
    private const long HourMs = 3_600_000;

    /// <summary>Visits fall within the first 15 hours: the fleet's day starts at 07:00 UTC.</summary>
    private const long VisitWindowMs = 15 * HourMs;

    /// <summary>The day's visits to one customer: arrivals at random in the visit window, each stay 10 to 40 minutes.</summary>
    public static CareVisit[] Draw(FleetDayOptions options, Random plan)
    {
        long window = Math.Min(VisitWindowMs, options.Hours * HourMs - HourMs);
        var visits = new CareVisit[options.VisitsPerLock];
        for (int i = 0; i < visits.Length; i++)
        {
            long arrival = (long)(plan.NextDouble() * window);
            visits[i] = new CareVisit(arrival, arrival + plan.Next(10, 41) * 60_000L);
        }

        return visits;
    }
}
