using System;
using LockFirmware;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Views;

/// <summary>What the API shows of a lock; call under the lock's gate.</summary>
internal static class LockViews
{
    public static LockView Of(FleetLock l)
    {
        SimulatedLock sim = l.Sim;
        LockCore? core = sim.Powered ? sim.Core : null;
        return new LockView
        {
            LockId = l.Id,
            Serial = sim.Setup.Serial,
            Kind = sim.Setup.Kind.ToString().ToLowerInvariant(),
            Secret = l.PairedSecret is byte[] secret ? Convert.ToHexString(secret) : null,
            TimeMs = l.FleetNow,
            Powered = core != null,
            Fault = l.Fault,
            State = core?.State.ToString() ?? "NoPower",
            Alarm = core?.LastAlarm.ToString(),
            BatteryLevel = core?.BatteryLevel.ToString(),
            Warnings = core == null ? null : WarningNames.View(core.Warnings),
            GasRisk = core?.GasRisk.ToString(),
            LastSelfTest = core?.LastSelfTest.ToString(),
            CompletedLocks = core?.CompletedLocks,
            CompletedUnlocks = core?.CompletedUnlocks,
            Paired = core?.Protocol.IsPaired,
            LastUser = core == null ? null : AuditViews.LastUser(core.AuditLog),
            LastCommunicationMs = l.LastCommunicationMs,
            BleConnected = sim.Connected != null,
            BatteryPreset = l.BatteryPreset,
            BatteryVolts = Math.Round(sim.Physics.TerminalVolts, 3),
            BatteryStateOfCharge = Math.Round(sim.Physics.Battery.StateOfCharge, 4),
            BoltFraction = Math.Round(sim.BoltFraction, 3),
            DoorOpen = l.DoorOpen,
            Strike = sim.Strike == null ? null : sim.Strike.Energised ? "released" : "engaged",
            Mains = sim.Mains == null ? null : sim.Mains.Present ? "present" : "lost",
            JamFraction = sim.Physics.JamAt / sim.Setup.Motor.TravelRadians,
            FrictionFactor = sim.Physics.FrictionFactor,
            MotorOpenCircuit = sim.Physics.OpenCircuit,
        };
    }

    public static LockSummary Summary(FleetLock l)
    {
        LockCore? core = l.Sim.Powered ? l.Sim.Core : null;
        return new LockSummary(l.Id, l.Sim.Setup.Serial, core?.State.ToString() ?? "NoPower", core?.BatteryLevel.ToString(), core?.Warnings, l.Fault != null);
    }
}
