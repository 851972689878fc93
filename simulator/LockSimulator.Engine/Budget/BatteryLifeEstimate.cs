using System;
using System.Collections.Generic;
using LockFirmware.Battery;
using LockSimulator.Physics;
using LockSimulator.Virtual;

namespace LockSimulator.Budget;

/// <summary>
/// Battery life from the model itself: a lock with the given board budget runs a reference
/// week in virtual time (visits, hourly status reads, the self-test), the board and the
/// physics book each state's charge, and the average current is set against the pack's
/// usable capacity down to the firmware's own Low and Critical limits on the cell model's
/// discharge curve. The simulator's battery, warnings and fleet day run on the same figures.
/// </summary>
public sealed class BatteryLifeEstimate
{
    private const long DayMs = ReferenceUsage.DayMs;
    private const int Days = 7;

    private BatteryLifeEstimate(BoardBudget power, BatteryParameters pack, ReferenceUsage usage)
    {
        Power = power;
        Pack = pack;
        Usage = usage;
    }

    public BoardBudget Power { get; }

    public BatteryParameters Pack { get; }

    public ReferenceUsage Usage { get; }

    /// <summary>Charge per reference day by where it went (board states, then the motor and the test load), coulombs.</summary>
    public IReadOnlyList<(string Name, double CoulombsPerDay)> DailyCharge { get; private set; } = [];

    /// <summary>Average pack current over the reference week, A.</summary>
    public double AverageAmps { get; private set; }

    /// <summary>One cell's capacity at this drain, Ah.</summary>
    public double UsableCapacityAh { get; private set; }

    /// <summary>State of charge at which the firmware first classifies the pack Low ("about to become unavailable").</summary>
    public double LowAtStateOfCharge { get; private set; }

    /// <summary>State of charge at which it becomes Critical ("unavailable": locking refused).</summary>
    public double CriticalAtStateOfCharge { get; private set; }

    /// <summary>Days from a fresh pack to the Low warning.</summary>
    public double DaysToLow => DaysTo(LowAtStateOfCharge);

    /// <summary>Days from a fresh pack to "unavailable": the unit's life on one pack.</summary>
    public double DaysToCritical => DaysTo(CriticalAtStateOfCharge);

    /// <summary>Runs the reference week and works out the life; throws if a visit's move failed.</summary>
    public static BatteryLifeEstimate Run(BoardBudget power, BatteryParameters pack, ReferenceUsage usage, int seed = 1)
    {
        var estimate = new BatteryLifeEstimate(power, pack, usage);
        estimate.Simulate(seed);
        estimate.FindLimits(new BatteryProfile());
        return estimate;
    }

    private void Simulate(int seed)
    {
        var sim = new SimulatedLock(new LockSetup { Power = Power, Battery = Pack with { StateOfCharge = 1.0 }, StartFraction = 0 });
        SimulatedPhone staff = SimulatedPhone.Staff(sim, keyId: 7, userId: 42);
        SimulatedPhone office = SimulatedPhone.Staff(sim, keyId: 9, userId: 9_000);
        Usage.Plan(sim, staff, office, 0, Days, new Random(seed));
        sim.RunUntil(Days * DayMs);
        int moves = sim.Core.CompletedLocks + sim.Core.CompletedUnlocks;
        if (moves < 2 * Usage.VisitsPerDay * Days)
        {
            throw new InvalidOperationException($"the reference week completed {moves} of {2 * Usage.VisitsPerDay * Days} moves");
        }

        var charges = new List<(string, double)>();
        foreach (PowerState state in Enum.GetValues<PowerState>())
        {
            charges.Add((Describe(state), sim.Power.Coulombs(state) / Days));
        }

        charges.Add(("motor moves", sim.Physics.MotorCoulombs / Days));
        charges.Add(("self-test load", sim.Physics.TestLoadCoulombs / Days));
        DailyCharge = charges;
        double total = 0;
        foreach (var (_, coulombs) in charges)
        {
            total += coulombs;
        }

        AverageAmps = total / (DayMs / 1000.0);
        UsableCapacityAh = Pack.UsableCapacityAh(AverageAmps);
    }

    /// <summary>Walks down the discharge curve to where the pack under the firmware's reference load crosses its Low and Critical limits.</summary>
    private void FindLimits(BatteryProfile profile)
    {
        double amps = profile.ReferenceLoadMilliamps / 1000.0;
        for (double soc = 1.0; soc > 0; soc -= 0.0005)
        {
            double cell = BatteryCell.OpenCircuitVoltsAt(soc)
                - amps * (BatteryCell.OhmicAt(soc, Pack.CellFreshOhms, Pack.TemperatureC) + BatteryCell.PolarisationOhmsAt(soc));
            double millivolts = Pack.Cells * cell * 1000;
            if (LowAtStateOfCharge == 0 && millivolts < profile.LowBelowMillivolts)
            {
                LowAtStateOfCharge = soc;
            }

            if (millivolts < profile.CriticalBelowMillivolts)
            {
                CriticalAtStateOfCharge = soc;
                return;
            }
        }
    }

    private double DaysTo(double stateOfCharge)
    {
        double perSecond = AverageAmps / (UsableCapacityAh * 3600) + BatteryCell.SelfDischargePerSecond;
        return (1.0 - stateOfCharge) / perSecond / 86400;
    }

    private static string Describe(PowerState state) => state switch
    {
        PowerState.Floor => "chip floor (sleep or idle)",
        PowerState.Advertising => "advertising events",
        PowerState.Connected => "connection events",
        PowerState.Working => "CPU working (writes, moves)",
        PowerState.Leds => "LEDs",
        PowerState.Board => "regulator, front end at rest",
        _ => "front end on (moves, links)",
    };
}
