using System;
using System.Linq;
using LockFirmware.Ble;
using LockSimulator.Budget;
using LockSimulator.Timing;
using LockSimulator.Tracing;

namespace LockSimulator.Latency;

/// <summary>
/// One care worker's unlock as the lock sees it, on the board's timing: a phone connects and
/// exchanges its MTU, a moment later the worker taps Unlock and the app writes HELLO (after a
/// SET_TIME round when the lock's clock is unknown, as just after a battery change), then UNLOCK. The times are read from the
/// trace: the first write is the app's HELLO, the motor start is the bridge's Drive call (so the
/// figure holds wherever the firmware puts its answer), the end stop is the state Unlocked.
/// </summary>
public static class LatencyVisit
{
    /// <summary>The tap comes within this long after the boot (and any battery change) has settled.</summary>
    private const long SettleMs = 3_000;

    /// <summary>A visit that has not reached Unlocked by then is a failure, not a slow sample.</summary>
    private const long GiveUpMs = 15_000;

    /// <summary>Times one visit of <paramref name="kind"/> over <paramref name="budget"/>'s board and link; the same seed gives the same sample.</summary>
    public static LatencySample Run(LatencyCase kind, BoardBudget budget, int seed) => Run(kind, budget, seed, out _);

    /// <summary>The same, handing back the simulated lock to read its trace.</summary>
    public static LatencySample Run(LatencyCase kind, BoardBudget budget, int seed, out SimulatedLock simulated)
    {
        var random = new Random(seed);
        var sim = new SimulatedLock(new LockSetup
        {
            Timing = TimingProfile.Device,
            Seed = seed,
            Budget = budget,
            Battery = kind.Battery,
            StartFraction = 0,
        });
        if (kind.ClockKnown)
        {
            // A unit in service knows the time: an earlier visit gave it (a freshly booted one,
            // as after a battery change, asks the first phone for the backend's time token).
            SimulatedPhone earlier = SimulatedPhone.Staff(sim, keyId: 9, userId: 9_000);
            earlier.Send(300, Opcode.Status);
        }

        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.MtuPayload = kind.MtuPayload;
        // The app connected and set up its link a little before the tap; the phase of the tap
        // against the connection events and the FreeRTOS tick is random.
        long tap = SettleMs + random.Next(1_000);
        long connect = tap - 200 - random.Next(800);
        sim.At(connect, () =>
        {
            if (!sim.Radio.Connect(phone))
            {
                throw new InvalidOperationException($"seed {seed}: the lock did not take the connection at {sim.Now} ms");
            }

            if (kind.MtuPayload > Fragment.DefaultPayload)
            {
                sim.Radio.ExchangeMtu(phone, kind.MtuPayload + 3);
            }
        });
        phone.Send(tap, Opcode.Unlock);
        sim.RunUntil(tap + GiveUpMs);
        simulated = sim;

        TraceEvent[] events = sim.Trace.Events.Where(e => e.TimeMs >= tap).ToArray();
        long hello = First(events, e => e.Signal == Signals.Phone && e.Value.StartsWith("-> HELLO", StringComparison.Ordinal), seed, "the phone's HELLO");
        long motor = First(events, e => e.Signal == Signals.Motor && e.Value == "unlock", seed, "the motor start");
        long unlocked = First(events, e => e.Signal == Signals.State && e.Value == "Unlocked", seed, "Unlocked");
        return new LatencySample(motor - hello, unlocked - hello);
    }

    private static long First(TraceEvent[] events, Func<TraceEvent, bool> match, int seed, string what)
    {
        foreach (TraceEvent e in events)
        {
            if (match(e))
            {
                return e.TimeMs;
            }
        }

        throw new InvalidOperationException($"seed {seed}: no {what} within {GiveUpMs} ms of the tap");
    }
}
