using System.Collections.Generic;
using System.Linq;
using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockSimulator;
using LockSimulator.Physics;
using LockSimulator.Tracing;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 21, power, on the virtual board: a port unit fed from the building's supply with a
/// backup pack (VirtualMainsSupply as its sense input). A depleted backup refuses no unlock while
/// the supply is there; with the supply gone it refuses as a door unit's flat pack does; MainsLost,
/// MainsRestored and BackupLow reach the status and the audit log; the gas-risk rules follow the
/// pack type; a door unit is unchanged.
/// </summary>
public class PortMainsTests
{
    private const string Released = "released (450 mA)";

    private static SimulatedLock Port(BatteryParameters battery, PackType pack, VirtualFileSystem? files = null, bool strikeBackedUp = false)
    {
        LockSettings settings = LockSettings.For(UnitKind.Port);
        settings.Battery.Pack = pack;
        settings.StrikeSupplyBackedUp = strikeBackedUp;
        return new SimulatedLock(new LockSetup { Kind = UnitKind.Port, Battery = battery, Settings = settings, Files = files });
    }

    private static List<AuditEvent> AuditKinds(SimulatedLock sim)
    {
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        return Enumerable.Range(0, count).Select(i => (AuditEvent)buffer[i * AuditRecord.Size + AuditRecord.EventOffset]).ToList();
    }

    [Fact]
    public void With_the_building_s_supply_gone_an_unlock_is_refused_NoStrikeSupply_the_strike_never_pulls_and_the_refusal_is_audited()
    {
        SimulatedLock sim = Port(BatteryParameters.Good, PackType.LithiumIronPhosphate);
        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        sim.SetMains(1_000, present: false);
        staff.Send(1_500, Opcode.Unlock);
        staff.Send(10_000, Opcode.Unlock);
        sim.RunUntil(20_000);

        Assert.All(staff.Responses.Where(r => r.Opcode == Opcode.Unlock), r => Assert.Equal(ResultCode.NoStrikeSupply, r.Result));
        Assert.Equal(0, sim.Trace.Events.Count(Signals.Strike, Released));
        AuditLog log = sim.Core.AuditLog;
        byte[] buffer = new byte[log.Capacity * AuditRecord.Size];
        int count = log.ReadSince(0, buffer, log.Capacity);
        int refusals = Enumerable.Range(0, count).Count(i => buffer[i * AuditRecord.Size + AuditRecord.EventOffset] == (byte)AuditEvent.Command
            && buffer[i * AuditRecord.Size + AuditRecord.ResultOffset] == (byte)ResultCode.NoStrikeSupply);
        Assert.Equal(2, refusals);

        sim.SetMains(30_000, present: true);
        staff.Send(31_000, Opcode.Unlock);
        sim.RunUntil(40_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
        Assert.Equal(1, sim.Trace.Events.Count(Signals.Strike, Released));
    }

    [Fact]
    public void A_supply_lost_while_the_boards_input_queue_is_full_still_reaches_the_unit_and_refuses_the_next_unlock()
    {
        SimulatedLock sim = new(new LockSetup { Kind = UnitKind.Port, Timing = LockSimulator.Timing.TimingProfile.Device });
        byte[] info = [Fragment.First | Fragment.Last, MessageType.Info];
        // The dispatcher is held (a flash commit): the board's 8 slots fill with BLE writes, then the supply goes.
        sim.At(5_000, () =>
        {
            for (int i = 0; i < InputQueue.BoardCapacity; i++)
            {
                Assert.True(sim.Core.Inputs.Post(InputKind.BleWrite, info, 0, info.Length));
            }
        });
        sim.SetMains(5_000, present: false);
        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(10_000, Opcode.Unlock);
        sim.RunUntil(15_000);

        Assert.Equal(0, sim.Core.Inputs.Dropped);
        Assert.True(sim.Core.Mains.Lost);
        Assert.Equal(Warnings.MainsLost, sim.Core.Warnings & Warnings.MainsLost);
        Assert.Equal(ResultCode.NoStrikeSupply, staff.Last(Opcode.Unlock).Result);
    }

    [Fact]
    public void A_depleted_backup_lets_staff_in_on_mains_refuses_them_with_the_supply_gone_and_lets_them_in_again_when_it_is_back()
    {
        // The strike on a backed-up 12 V: with the mains gone it could release, and the unit's own pack decides.
        SimulatedLock sim = Port(BatteryParameters.Depleted, PackType.LithiumIronPhosphate, strikeBackedUp: true);
        sim.PressButton(1_000);
        sim.RunUntil(25_000);
        Assert.Equal(BatteryLevel.Depleted, sim.Core.BatteryLevel);
        Assert.Equal(Warnings.BackupLow, sim.Core.Warnings & (Warnings.BackupLow | Warnings.MainsLost | Warnings.BatteryUnavailable));

        SimulatedPhone staff = SimulatedPhone.Staff(sim);
        staff.Send(30_000, Opcode.Unlock);
        sim.RunUntil(40_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);

        sim.SetMains(50_000, present: false);
        staff.Send(60_000, Opcode.Unlock);
        sim.RunUntil(70_000);
        Assert.Equal(ResultCode.RefusedBattery, staff.Last(Opcode.Unlock).Result);
        Assert.Equal(Warnings.MainsLost | Warnings.BackupLow | Warnings.BatteryUnavailable,
            sim.Core.Warnings & (Warnings.MainsLost | Warnings.BackupLow | Warnings.BatteryUnavailable));

        sim.SetMains(100_000, present: true);
        staff.Send(110_000, Opcode.Unlock);
        sim.RunUntil(120_000);
        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
        Assert.Equal(2, sim.Trace.Events.Count(Signals.Strike, Released));
        Assert.Equal(0, sim.Core.Warnings & Warnings.MainsLost);

        List<AuditEvent> kinds = AuditKinds(sim);
        Assert.Equal(1, kinds.Count(k => k == AuditEvent.BackupLow));
        Assert.True(kinds.IndexOf(AuditEvent.MainsLost) < kinds.IndexOf(AuditEvent.MainsRestored));
    }

    [Fact]
    public void The_status_says_MainsLost_in_its_second_warnings_byte_and_the_door_units_status_has_it_zero()
    {
        SimulatedLock port = Port(BatteryParameters.Good, PackType.LithiumIronPhosphate);
        port.SetMains(1_000, present: false);
        SimulatedPhone portPhone = SimulatedPhone.Staff(port);
        portPhone.Send(10_000, Opcode.Status);
        port.RunUntil(20_000);

        SimulatedLock door = new(new LockSetup());
        SimulatedPhone doorPhone = SimulatedPhone.Staff(door);
        doorPhone.Send(10_000, Opcode.Status);
        door.RunUntil(20_000);

        byte[] status = portPhone.Last(Opcode.Status).Payload;
        Assert.Equal(Notices.StatusLength, status.Length);
        Assert.Equal(Warnings.MainsLost >> 8, status[13]);
        Assert.Equal(0, door.Core.Warnings >> 8);
        Assert.Equal(0, doorPhone.Last(Opcode.Status).Payload[13]);
    }

    [Theory]
    [InlineData(PackType.LithiumThionylChloride, true)]
    [InlineData(PackType.LithiumIronPhosphate, false)]
    [InlineData(PackType.NickelMetalHydride, false)]
    public void The_gas_risk_rules_apply_only_to_a_lithium_primary_pack(PackType pack, bool gasRisk)
    {
        SimulatedLock sim = Port(BatteryParameters.GasRisk, pack);
        sim.PressButton(1_000);
        sim.RunUntil(25_000);

        Assert.Equal(BatteryLevel.Depleted, sim.Core.BatteryLevel);
        Assert.Equal(gasRisk, sim.Core.GasRisk != GasRiskCause.None);
        Assert.Equal(gasRisk, (sim.Core.Warnings & Warnings.NeedsImmediateVerification) != 0);
        Assert.Equal(gasRisk, AuditKinds(sim).Contains(AuditEvent.GasRisk));
    }

    [Fact]
    public void A_door_unit_has_no_supply_to_lose_and_its_flat_pack_refuses_as_before()
    {
        SimulatedLock door = new(new LockSetup { Battery = BatteryParameters.Depleted });
        Assert.Null(door.Mains);
        door.PressButton(1_000);
        SimulatedPhone staff = SimulatedPhone.Staff(door);
        staff.Send(30_000, Opcode.Unlock);
        door.RunUntil(40_000);

        Assert.False(door.Core.Mains.Fed);
        Assert.Equal(ResultCode.RefusedBattery, staff.Last(Opcode.Unlock).Result);
        Assert.Equal(0, door.Core.Warnings & (Warnings.MainsLost | Warnings.BackupLow));
    }

    [Fact]
    public void A_backup_that_stays_low_is_recorded_once_however_often_the_unit_powers_up()
    {
        SimulatedLock sim = Port(BatteryParameters.Low, PackType.LithiumIronPhosphate);
        for (long at = 0; at < 4 * 60_000; at += 60_000)
        {
            if (at > 0)
            {
                sim.CutPower(at);
                sim.RestorePower(at + 1_000);
            }

            sim.PressButton(at + 5_000);
            sim.RunUntil(at + 30_000);
            Assert.Equal(BatteryLevel.Low, sim.Core.BatteryLevel);
            Assert.Equal(Warnings.BackupLow, sim.Core.Warnings & (Warnings.BackupLow | Warnings.BatteryAboutToBeUnavailable));
        }

        List<AuditEvent> kinds = AuditKinds(sim);
        Assert.Equal(4, kinds.Count(k => k == AuditEvent.Boot));
        Assert.Equal(1, kinds.Count(k => k == AuditEvent.BackupLow));
    }

    [Fact]
    public void A_power_cut_at_any_point_of_the_fall_s_record_leaves_exactly_one_record_once_the_unit_measures_again()
    {
        SimulatedLock sim = Port(BatteryParameters.Low, PackType.LithiumIronPhosphate);
        sim.RunUntil(1_000);
        VirtualFileSystem files = sim.Files;
        var snapshots = new List<VirtualFileSystem>();
        files.Reaching += _ => snapshots.Add(files.Snapshot());
        sim.PressButton(2_000);
        sim.RunUntil(30_000);
        snapshots.Add(files.Snapshot());
        Assert.Equal(1, AuditKinds(sim).Count(k => k == AuditEvent.BackupLow));

        Assert.True(snapshots.Count >= 4, $"only {snapshots.Count} cut points in the self-test");
        int before = 0, after = 0;
        foreach (VirtualFileSystem cut in snapshots)
        {
            SimulatedLock next = Port(BatteryParameters.Low, PackType.LithiumIronPhosphate, cut);
            int landed = AuditKinds(next).Count(k => k == AuditEvent.BackupLow);
            if (landed == 0)
            {
                before++;
            }
            else
            {
                after++;
            }

            next.PressButton(next.Now + 1_000);
            next.RunFor(30_000);
            Assert.Equal(BatteryLevel.Low, next.Core.BatteryLevel);
            Assert.Equal(1, AuditKinds(next).Count(k => k == AuditEvent.BackupLow));
        }

        Assert.True(before > 0 && after > 0, $"{before} cuts before the record landed, {after} after");
    }

    [Fact]
    public void Mains_lost_goes_on_air_as_bit_7_of_the_status_byte_but_only_once_the_connected_phone_has_left()
    {
        SimulatedLock port = Port(BatteryParameters.Good, PackType.LithiumIronPhosphate);
        int atBoot = port.Radio.AdvertisingChanges.Count;
        SimulatedPhone phone = SimulatedPhone.Staff(port);
        phone.StayConnected = true;
        phone.Send(0, Opcode.Status);
        port.SetMains(1_000, present: false);
        port.RunUntil(9_000);

        Assert.Same(phone, port.Radio.Holder);
        Assert.Equal(AdvertisedFlags.MainsLost, port.Core.StatusFlags & AdvertisedFlags.MainsLost);
        Assert.Equal(atBoot, port.Radio.AdvertisingChanges.Count);
        Assert.Equal(0, AdvertisementTests.ManufacturerStatus(port.Radio.Advertisement) & AdvertisedFlags.MainsLost);

        port.Connected = null;
        port.RunUntil(70_000);
        Assert.Equal(27, port.Radio.Advertisement.Length);
        Assert.Equal(AdvertisedFlags.MainsLost | AdvertisedFlags.Paired,
            AdvertisementTests.ManufacturerStatus(port.Radio.Advertisement) & (AdvertisedFlags.MainsLost | AdvertisedFlags.Paired));

        port.SetMains(80_000, present: true);
        port.RunUntil(150_000);
        Assert.Equal(0, AdvertisementTests.ManufacturerStatus(port.Radio.Advertisement) & AdvertisedFlags.MainsLost);

        // A door unit has no supply to lose: its bit 7 stays 0 whatever its battery.
        var door = new SimulatedLock(new LockSetup { Battery = BatteryParameters.Depleted });
        door.PressButton(1_000);
        door.RunUntil(70_000);
        Assert.Equal(0, AdvertisementTests.ManufacturerStatus(door.Radio.Advertisement) & AdvertisedFlags.MainsLost);
    }

    [Fact]
    public void With_the_supply_gone_during_a_release_the_strike_coil_has_no_current_and_a_push_on_the_door_does_not_get_through()
    {
        // port-unit.md, "Wiring": the coil hangs on the building's 12 V, the supply the sense input watches.
        SimulatedLock port = Port(BatteryParameters.Good, PackType.LithiumIronPhosphate);
        SimulatedPhone staff = SimulatedPhone.Staff(port);
        staff.Send(10_000, Opcode.Unlock);
        port.SetMains(10_500, present: false);
        port.RunUntil(11_000);

        Assert.Equal(ResultCode.Ok, staff.Last(Opcode.Unlock).Result);
        Assert.True(port.Strike!.Energised);
        Assert.Equal(0, port.Strike.CoilMilliamps);
        Assert.False(port.Strike.KeeperFree(port.Now));

        // The supply back during the release: the coil pulls in from then.
        port.SetMains(12_000, present: true);
        port.RunUntil(12_000);
        Assert.False(port.Strike.KeeperFree(12_000 + port.Scheduler.Budget.StrikePullInMs - 1));
        Assert.True(port.Strike.KeeperFree(12_000 + port.Scheduler.Budget.StrikePullInMs));
        Assert.Equal(port.Scheduler.Budget.StrikeCoilMilliamps, port.Strike.CoilMilliamps);

        // And gone again: the keeper's spring puts it back.
        port.SetMains(13_000, present: false);
        port.RunUntil(13_000);
        Assert.True(port.Strike.KeeperFree(13_000 + port.Scheduler.Budget.StrikeSpringReturnMs - 1));
        Assert.False(port.Strike.KeeperFree(13_000 + port.Scheduler.Budget.StrikeSpringReturnMs));
    }
}
