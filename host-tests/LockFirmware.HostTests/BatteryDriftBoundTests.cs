using System;
using System.Collections.Generic;
using LockSimulator.Physics;

namespace LockFirmware.HostTests;

/// <summary>
/// The drive train skips working out how long the battery stays steady when the pack's drift
/// bounds, which need no division, already show a segment will not end for it. That is only
/// exact if a bound is never below the drift it stands for, whatever the pack's state: checked
/// here over every preset, the cold, and a pack loaded, rested and loaded again.
/// </summary>
public class BatteryDriftBoundTests
{
    public static TheoryData<string> Packs => new(PackParameters.Keys);

    private static readonly Dictionary<string, BatteryParameters> PackParameters = new()
    {
        ["good"] = BatteryParameters.Good,
        ["low"] = BatteryParameters.Low,
        ["depleted"] = BatteryParameters.Depleted,
        ["gas risk"] = BatteryParameters.GasRisk,
        ["cell reversed"] = BatteryParameters.CellReversed,
        ["passivated"] = BatteryParameters.Passivated,
        ["cold"] = BatteryParameters.Good with { TemperatureC = -20 },
        ["rested a week"] = BatteryParameters.Good with { RestedDays = 7 },
    };

    private static readonly double[] Currents = [0, 0.003, 0.0101, 0.05, 0.3, 0.9, 2.5];

    [Theory]
    [MemberData(nameof(Packs))]
    public void A_drift_bound_is_never_below_the_drift(string name)
    {
        var pack = new BatteryPack(PackParameters[name]);
        int checks = 0;
        // A move's segments under a falling current, a rest, and a stall: the polarisation builds,
        // relaxes and builds again, and the film breaks down.
        foreach ((double amps, double seconds, int steps) in new[] { (0.9, 0.005, 40), (0.3, 0.005, 200), (0.003, 0.5, 20), (2.5, 0.0001, 50), (0.0, 60.0, 5) })
        {
            for (int i = 0; i < steps; i++)
            {
                foreach (double asked in Currents)
                {
                    Assert.True(pack.VoltsDriftBound(asked) >= pack.VoltsDriftPerSecond(asked),
                        $"{name}, {asked} A: volts drift bound {pack.VoltsDriftBound(asked):R} below the drift {pack.VoltsDriftPerSecond(asked):R}");
                    Assert.True(pack.OhmsDriftBound(asked) >= pack.OhmsDriftPerSecond(asked),
                        $"{name}, {asked} A: ohms drift bound {pack.OhmsDriftBound(asked):R} below the drift {pack.OhmsDriftPerSecond(asked):R}");
                    checks++;
                }

                pack.Advance(seconds, amps);
            }
        }

        Assert.True(checks > 2_000);
    }

    [Fact]
    public void For_a_healthy_pack_under_the_motor_the_volts_bound_is_the_drift()
    {
        // A healthy pack carrying the motor: its polarisation's time constant is the shortest, so
        // the bound is the drift itself but for rounding (a bound of infinity would be sound too,
        // but clear no segment).
        var pack = new BatteryPack(BatteryParameters.Good);
        for (int i = 0; i < 100; i++)
        {
            pack.Advance(0.005, 0.3);
        }

        double drift = pack.VoltsDriftPerSecond(0.3);
        Assert.True(drift > 0, "the polarisation still moves");
        Assert.InRange(pack.VoltsDriftBound(0.3), drift, drift * (1 + 1e-9));
    }
}
