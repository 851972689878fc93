using System;
using LockFirmware.Ble;

namespace LockSimulator.Budget;

/// <summary>How a unit is used on the reference day of the power budget (hardware/power-budget.md).</summary>
public sealed record ReferenceUsage
{
    private const long HourMs = 3_600_000;

    /// <summary>One virtual day.</summary>
    public const long DayMs = 24 * HourMs;

    /// <summary>Visits fall between 07:00 and 22:00; a simulated lock's virtual time zero is 07:00.</summary>
    private const long VisitWindowMs = 15 * HourMs;

    /// <summary>Care visits a day, each an unlock on arrival and a lock on leaving, between 07:00 and 22:00.</summary>
    public int VisitsPerDay { get; init; } = 4;

    /// <summary>How long a visit lasts between the unlock and the lock.</summary>
    public int VisitMinutes { get; init; } = 25;

    /// <summary>The back office reads the status every hour (through a phone nearby).</summary>
    public bool HourlyStatus { get; init; } = true;

    /// <summary>Push-button self-tests a week.</summary>
    public int SelfTestsPerWeek { get; init; } = 1;

    /// <summary>
    /// Schedules <paramref name="days"/> of this usage on <paramref name="sim"/> from <paramref name="fromMs"/>:
    /// the staff phone's visits spread over the day (a few minutes either way), the office
    /// phone's hourly status, the self-tests on the button.
    /// </summary>
    public void Plan(SimulatedLock sim, SimulatedPhone staff, SimulatedPhone office, long fromMs, int days, Random random)
    {
        for (int day = 0; day < days; day++)
        {
            long start = fromMs + day * DayMs;
            for (int visit = 0; visit < VisitsPerDay; visit++)
            {
                long arrival = start + (visit * 2 + 1) * VisitWindowMs / (2 * VisitsPerDay) + random.Next(-5, 6) * 60_000L;
                staff.Send(arrival, Opcode.Unlock);
                staff.Send(arrival + VisitMinutes * 60_000L, Opcode.Lock);
            }

            for (int hour = 0; HourlyStatus && hour < 24; hour++)
            {
                office.Send(start + hour * HourMs + 30 * 60_000 + random.Next(0, 60_000), Opcode.Status);
            }

            // Self-tests at midday on the days they fall on, spread over the week.
            for (int test = 0; test < SelfTestsPerWeek; test++)
            {
                if ((fromMs / DayMs + day) % 7 == (3 + test * 7 / SelfTestsPerWeek) % 7)
                {
                    sim.PressButton(start + 5 * HourMs);
                }
            }
        }
    }
}
