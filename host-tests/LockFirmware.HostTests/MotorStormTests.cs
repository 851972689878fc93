using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 3's storm: random commands and faults at random times. Whatever happens, the motor
/// never runs longer than its limit per command and the lock never reports a state the bolt
/// is not in.
/// </summary>
public class MotorStormTests
{
    private static readonly MotorSettings Limits = new();
    private static readonly double Travel = new MotorParameters().TravelRadians;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_random_command_and_fault_storm_keeps_the_limits_and_the_truth(int seed)
    {
        var random = new Random(seed);
        var setup = new LockSetup { StartFraction = random.NextDouble() };
        var sim = new SimulatedLock(setup);
        SimulatedPhone phone = SimulatedPhone.Staff(sim);

        for (int step = 0; step < 150; step++)
        {
            Act(sim, phone, random);
            sim.RunFor(random.Next(0, 4_000));
            if (sim.Powered && !sim.Core.IsMoving)
            {
                AssertStateMatchesBolt(sim, seed, step);
            }
        }

        AssertOnTimeBoundedPerCommand(sim);
    }

    private static void Act(SimulatedLock sim, SimulatedPhone phone, Random random)
    {
        switch (random.Next(10))
        {
            case < 4:
                phone.Send(sim.Now, random.Next(2) == 0 ? Opcode.Unlock : Opcode.Lock);
                break;
            case 4:
                sim.Physics.JamAt = random.Next(2) == 0 ? null : random.NextDouble() * Travel;
                break;
            case 5:
                sim.Physics.FrictionFactor = 0.5 + random.NextDouble() * 1.5;
                break;
            case 6:
                sim.CutPower(sim.Now + random.Next(0, 1_500));
                sim.RestorePower(sim.Now + random.Next(1_500, 3_000));
                break;
            case 7:
                // Not a hand turn: without a bolt sensor the lock cannot see one until its next move.
                sim.Physics.JamAt = null;
                break;
            case 8:
                byte[] garbage = new byte[random.Next(0, 30)];
                random.NextBytes(garbage);
                sim.Write(sim.Now, garbage);
                break;
            default:
                sim.PressButton(sim.Now);
                break;
        }
    }

    private static void AssertStateMatchesBolt(SimulatedLock sim, int seed, int step)
    {
        // The bolt is thrown between 30 % and 80 % of the travel; a stall in the last 15 % of the
        // estimated travel (MotorSettings.EndStopMinTravelPermille, give or take the estimate's
        // few per cent) counts as the end stop, so "Locked" means within 25 % of the end: bolt thrown.
        string where = $"seed {seed}, step {step}, bolt at {sim.BoltFraction:P1}, jam {sim.Physics.JamAt}";
        switch (sim.Core.State)
        {
            case LockState.Locked:
                Assert.True(sim.BoltFraction < 0.25, "reported Locked; " + where);
                break;
            case LockState.Unlocked:
                Assert.True(sim.BoltFraction > 0.75, "reported Unlocked; " + where);
                break;
        }
    }

    /// <summary>Between two inputs that may start a new move, the motor is driven for at most MaxOnTimeMs.</summary>
    private static void AssertOnTimeBoundedPerCommand(SimulatedLock sim)
    {
        var boundaries = sim.Trace.Events
            .Where(e => e.Signal is Signals.BleIn or Signals.Power)
            .Select(e => e.TimeMs)
            .Append(long.MaxValue)
            .ToList();
        for (int i = 0; i + 1 < boundaries.Count; i++)
        {
            long from = boundaries[i];
            long to = boundaries[i + 1];
            long onTime = sim.Trace.Events.MotorOnMs(from, to);
            Assert.True(onTime <= Limits.MaxOnTimeMs, $"{onTime} ms of motor between {from} and {to}");
        }
    }
}
