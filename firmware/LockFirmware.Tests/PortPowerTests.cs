using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Security;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockFirmware.Strike;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Issue 21, power: a port unit fed from the building's supply with a backup pack. On mains a
    /// depleted backup refuses no unlock and shows as BackupLow, not as "unavailable"; with the
    /// supply gone the pack counts as a door unit's does, beside MainsLost; the supply's changes
    /// are audited once they have settled, a flicker not at all; the gas-risk rules follow the
    /// pack type (a lithium primary backup keeps them, a rechargeable one has none).
    /// </summary>
    [TestClass]
    public class PortPowerTests
    {
        [TestMethod]
        public void On_mains_a_depleted_rechargeable_backup_refuses_no_unlock_and_shows_as_BackupLow()
        {
            TestLock unit = TestLock.PairedWithTime(Flat(PackType.NickelMetalHydride), UnitKind.Port);
            unit.Mains(true);
            Assert.AreEqual(BatteryLevel.Depleted, unit.Core.BatteryLevel);
            Assert.AreEqual(GasRiskCause.None, unit.Core.GasRisk);

            PhoneSession staff = unit.Open(Role.Staff);
            unit.Send(staff.Command(Opcode.Unlock));

            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.IsTrue(unit.Strike.Released);
            int warnings = unit.Core.Warnings;
            Assert.AreEqual(Warnings.BackupLow, warnings & (Warnings.BackupLow | Warnings.MainsLost | Warnings.BatteryUnavailable | Warnings.BatteryAboutToBeUnavailable | Warnings.NeedsImmediateVerification));
            Assert.IsTrue(Logged(unit, AuditEvent.BackupLow));
            // The status's second warnings byte carries it.
            unit.Send(staff.Command(Opcode.Status));
            int length;
            byte[] status = unit.LastMessage(out length);
            Assert.AreEqual((byte)(Warnings.BackupLow >> 8), status[5 + 13]);
        }

        [TestMethod]
        public void With_the_supply_gone_an_unlock_is_refused_NoStrikeSupply_releases_nothing_and_is_audited_until_the_supply_is_back()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            unit.Mains(true);
            PhoneSession staff = unit.Open(Role.Staff);
            unit.Mains(false);

            // At once, before the settle time: the coil has no supply now, whatever the warning says yet.
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.NoStrikeSupply, Result(unit));
            Assert.IsTrue(staff.IsGenuineResponse(LastAnswer(unit), LastLength(unit)));
            Assert.AreEqual(0, unit.Strike.Releases);
            Assert.AreEqual(LockState.Locked, unit.Core.State);
            Assert.AreEqual((int)AuditEvent.Command, unit.AuditEventBack(0));
            Assert.AreEqual((int)ResultCode.NoStrikeSupply, AuditResultBack(unit, 0));

            unit.RunFor(MainsSupply.SettleMs);
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.NoStrikeSupply, Result(unit));
            // Lock is still answered: it only cuts the coil.
            unit.Send(staff.Command(Opcode.Lock));
            Assert.AreEqual(ResultCode.AlreadyThere, Result(unit));

            unit.Mains(true);
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.AreEqual(1, unit.Strike.Releases);
        }

        [TestMethod]
        public void A_supply_and_door_change_posted_while_the_queue_is_full_reaches_the_lock_at_its_final_level()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            unit.Mains(true);
            // The dispatcher is busy (a flash write): two writes fill the unit's queue.
            byte[] write = new byte[] { Ble.Fragment.First | Ble.Fragment.Last, MessageType.Info };
            Assert.IsTrue(unit.Inputs.Post(Events.InputKind.BleWrite, write, 0, write.Length));
            Assert.IsTrue(unit.Inputs.Post(Events.InputKind.BleWrite, write, 0, write.Length));
            Assert.IsTrue(unit.Inputs.Post(Events.InputKind.DoorOpened));
            Assert.IsTrue(unit.Inputs.Post(Events.InputKind.MainsLost));

            unit.RunFor(0);
            unit.RunFor(MainsSupply.SettleMs);

            Assert.AreEqual(0, unit.Inputs.Dropped);
            Assert.IsTrue(unit.Core.Strike.DoorOpen);
            Assert.IsTrue(unit.Core.Mains.SensedLost);
            Assert.AreEqual(Warnings.MainsLost, unit.Core.Warnings & Warnings.MainsLost);
        }

        [TestMethod]
        public void A_lock_that_drops_a_release_waiting_for_the_rest_is_answered_Ok_and_audited_and_one_that_changes_nothing_AlreadyThere()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            unit.Mains(true);
            PhoneSession staff = unit.Open(Role.Staff);
            // A chain of unlocks up to the cap: then the strike rests engaged for a second.
            unit.Send(staff.Command(Opcode.Unlock));
            for (int i = 0; i < 7; i++)
            {
                unit.RunFor(4000);
                unit.Send(staff.Command(Opcode.Unlock));
            }

            unit.RunFor(StrikeSettings.MaxContinuousReleaseMs - 7 * 4000 + 100);
            Assert.IsFalse(unit.Strike.Released);
            // Within that rest: the release waits for it.
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.IsFalse(unit.Strike.Released);

            unit.Send(staff.Command(Opcode.Lock));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.IsTrue(staff.IsGenuineResponse(LastAnswer(unit), LastLength(unit)));
            Assert.AreEqual((int)AuditEvent.Command, unit.AuditEventBack(0));
            Assert.AreEqual((int)ResultCode.Ok, AuditResultBack(unit, 0));
            unit.RunFor(StrikeSettings.RestAfterCapMs * 5);
            Assert.IsFalse(unit.Strike.Released);
            Assert.AreEqual(1, unit.Strike.Releases);

            unit.Send(staff.Command(Opcode.Lock));
            Assert.AreEqual(ResultCode.AlreadyThere, Result(unit));
        }

        [TestMethod]
        public void A_strike_on_a_backed_up_supply_still_releases_with_the_mains_gone()
        {
            LockSettings settings = TestLock.SettingsFor(new BatteryProfile(), UnitKind.Port);
            settings.StrikeSupplyBackedUp = true;
            TestLock unit = TestLock.PairedWithTime(settings);
            unit.Mains(false);
            unit.RunFor(MainsSupply.SettleMs);
            PhoneSession staff = unit.Open(Role.Staff);

            unit.Send(staff.Command(Opcode.Unlock));

            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.AreEqual(1, unit.Strike.Releases);
            Assert.AreEqual(Warnings.MainsLost, unit.Core.Warnings & Warnings.MainsLost);
        }

        [TestMethod]
        public void With_the_supply_gone_a_depleted_backup_refuses_the_unlock_as_on_a_door_unit_until_it_is_back()
        {
            // The strike on a backed-up supply: the unit's own pack is what refuses.
            LockSettings settings = TestLock.SettingsFor(Flat(PackType.NickelMetalHydride), UnitKind.Port);
            settings.StrikeSupplyBackedUp = true;
            TestLock unit = TestLock.PairedWithTime(settings);
            unit.Mains(true);
            unit.Mains(false);
            unit.RunFor(MainsSupply.SettleMs);

            Assert.AreEqual((int)AuditEvent.MainsLost, unit.AuditEventBack(0));
            Assert.AreEqual(Warnings.MainsLost | Warnings.BackupLow | Warnings.BatteryUnavailable, unit.Core.Warnings & (Warnings.MainsLost | Warnings.BackupLow | Warnings.BatteryUnavailable));
            PhoneSession staff = unit.Open(Role.Staff);
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.RefusedBattery, Result(unit));
            Assert.IsFalse(unit.Strike.Released);

            unit.Mains(true);
            unit.RunFor(MainsSupply.SettleMs);
            Assert.AreEqual((int)AuditEvent.MainsRestored, unit.AuditEventBack(0));
            Assert.AreEqual(0, unit.Core.Warnings & Warnings.MainsLost);
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            Assert.IsTrue(unit.Strike.Released);
        }

        [TestMethod]
        public void A_supply_flicker_shorter_than_the_settle_time_is_neither_a_warning_nor_a_record()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            unit.Mains(true);
            uint next = unit.Core.AuditLog.NextSequence;

            unit.Mains(false);
            unit.RunFor(MainsSupply.SettleMs - 1);
            Assert.AreEqual(0, unit.Core.Warnings & Warnings.MainsLost);
            unit.Mains(true);
            unit.RunFor(10000);

            Assert.AreEqual(0, unit.Core.Warnings & Warnings.MainsLost);
            Assert.AreEqual(next, unit.Core.AuditLog.NextSequence);
        }

        [TestMethod]
        public void A_lithium_primary_backup_keeps_the_gas_risk_rules_on_mains_and_still_lets_staff_in()
        {
            TestLock unit = TestLock.PairedWithTime(Flat(PackType.LithiumThionylChloride), UnitKind.Port);
            unit.Mains(true);

            Assert.AreEqual(GasRiskCause.OverDischarged, unit.Core.GasRisk);
            Assert.AreEqual(Warnings.NeedsImmediateVerification, unit.Core.Warnings & Warnings.NeedsImmediateVerification);
            PhoneSession staff = unit.Open(Role.Staff);
            unit.Send(staff.Command(Opcode.Unlock));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
        }

        [TestMethod]
        public void A_backup_that_stays_low_is_recorded_once_and_again_only_after_it_recovered_and_fell()
        {
            BatteryProfile profile = Flat(PackType.NickelMetalHydride);
            TestLock unit = TestLock.PairedWithTime(profile, UnitKind.Port);
            unit.Mains(true);
            unit.Press(0);
            unit.RunFor(20000);
            Assert.AreEqual(BatteryLevel.Depleted, unit.Core.BatteryLevel);
            Assert.AreEqual(1, Count(unit, AuditEvent.BackupLow));

            // A new pack, registered, measures Good: the fall is over; when that one runs down, it is a new one.
            PhoneSession staff = unit.Open(Role.Staff);
            unit.Send(staff.Command(Opcode.RegisterBatteryChange));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            profile.LowBelowMillivolts = 6000;
            profile.CriticalBelowMillivolts = 5500;
            profile.DepletedBelowMillivolts = 5000;
            unit.Press(0);
            unit.RunFor(20000);
            Assert.AreEqual(BatteryLevel.Good, unit.Core.BatteryLevel);
            Assert.AreEqual(0, unit.Core.Warnings & Warnings.BackupLow);

            profile.LowBelowMillivolts = 9000;
            profile.CriticalBelowMillivolts = 8500;
            profile.DepletedBelowMillivolts = 8000;
            unit.Press(0);
            unit.RunFor(20000);
            Assert.AreEqual(2, Count(unit, AuditEvent.BackupLow));
        }

        [TestMethod]
        public void The_advertised_status_byte_says_mains_lost_in_bit_7_and_never_memory_reset_or_backup_low()
        {
            Assert.AreEqual((byte)(AdvertisedFlags.MainsLost | AdvertisedFlags.Paired | Warnings.Tamper),
                AdvertisedFlags.Of(Warnings.MainsLost | Warnings.BackupLow | Warnings.MemoryReset | Warnings.Tamper, true));
            Assert.AreEqual((byte)Warnings.BatteryUnavailable, AdvertisedFlags.Of(Warnings.BatteryUnavailable | Warnings.BackupLow | Warnings.MemoryReset, false));

            TestLock unit = TestLock.PairedWithTime(Flat(PackType.NickelMetalHydride), UnitKind.Port);
            unit.Mains(true);
            Assert.AreEqual(0, unit.Core.StatusFlags & AdvertisedFlags.MainsLost);
            unit.Mains(false);
            unit.RunFor(MainsSupply.SettleMs);
            Assert.AreEqual(AdvertisedFlags.MainsLost, unit.Core.StatusFlags & AdvertisedFlags.MainsLost);
        }

        /// <summary>Limits above the drive train's 7.2 V: the long press's self-test finds the pack Depleted (over-discharged).</summary>
        private static BatteryProfile Flat(PackType pack)
        {
            BatteryProfile flat = new BatteryProfile();
            flat.Pack = pack;
            flat.LowBelowMillivolts = 9000;
            flat.CriticalBelowMillivolts = 8500;
            flat.DepletedBelowMillivolts = 8000;
            return flat;
        }

        private static int Count(TestLock unit, AuditEvent kind)
        {
            byte[] records = new byte[TestLock.AuditSegments * StorageLayout.AuditRecordsPerSegment * AuditRecord.Size];
            int count = unit.Core.AuditLog.ReadSince(0, records, TestLock.AuditSegments * StorageLayout.AuditRecordsPerSegment);
            int found = 0;
            for (int i = 0; i < count; i++)
            {
                if (records[i * AuditRecord.Size + AuditRecord.EventOffset] == (byte)kind)
                {
                    found++;
                }
            }

            return found;
        }

        private static bool Logged(TestLock unit, AuditEvent kind)
        {
            byte[] records = new byte[TestLock.AuditSegments * StorageLayout.AuditRecordsPerSegment * AuditRecord.Size];
            int count = unit.Core.AuditLog.ReadSince(0, records, TestLock.AuditSegments * StorageLayout.AuditRecordsPerSegment);
            for (int i = 0; i < count; i++)
            {
                if (records[i * AuditRecord.Size + AuditRecord.EventOffset] == (byte)kind)
                {
                    return true;
                }
            }

            return false;
        }

        private static ResultCode Result(TestLock unit)
        {
            int length;
            return (ResultCode)unit.LastMessage(out length)[4];
        }

        private static byte[] LastAnswer(TestLock unit)
        {
            int length;
            return unit.LastMessage(out length);
        }

        private static int LastLength(TestLock unit)
        {
            int length;
            unit.LastMessage(out length);
            return length;
        }

        /// <summary>The result byte of the audit record <paramref name="back"/> before the newest.</summary>
        private static int AuditResultBack(TestLock unit, int back)
        {
            byte[] record = new byte[AuditRecord.Size];
            unit.Core.AuditLog.ReadSince(unit.Core.AuditLog.NextSequence - 1 - (uint)back, record, 1);
            return record[AuditRecord.ResultOffset];
        }
    }
}
