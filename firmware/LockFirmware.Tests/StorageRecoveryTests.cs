using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Status;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The whole lock after power cuts at chosen points and after a volume lost or damaged: it
    /// comes up with what it committed, its boot count moved on, and, where its states are gone,
    /// as a stock unit that nothing opens, saying so (MemoryReset) until the backend has read it.
    /// </summary>
    [TestClass]
    public class StorageRecoveryTests
    {
        [TestMethod]
        public void A_new_unit_boots_blank_and_says_so_and_a_reboot_is_intact()
        {
            TestLock unit = TestLock.Blank();

            Assert.AreEqual(Warnings.MemoryReset, unit.Core.Warnings & Warnings.MemoryReset);
            Assert.AreEqual((int)AuditEvent.MemoryReset, unit.AuditEventBack(0));
            Assert.AreEqual((int)AuditEvent.Boot, unit.AuditEventBack(1));

            TestLock rebooted = unit.Reboot();
            Assert.AreEqual((int)AuditEvent.Boot, rebooted.AuditEventBack(0));
            Assert.AreEqual(unit.Core.AuditLog.NextSequence + 1, rebooted.Core.AuditLog.NextSequence);
        }

        [TestMethod]
        public void A_cut_while_the_unlock_is_logged_leaves_the_lock_paired_and_working_after_the_reboot()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Send(ProtocolVectors.Hello);
            // The unlock: the motor starts, then the Command record is appended; the power goes in that commit.
            unit.Files.CutPowerAt(unit.Files.CutPoints + 1);
            bool cut = false;
            try
            {
                unit.Send(ProtocolVectors.CommandUnlock1);
            }
            catch (PowerCutException)
            {
                cut = true;
            }

            Assert.IsTrue(cut);
            Assert.AreEqual((int)MotorDrive.Unlock, (int)unit.Bridge.FirstStart);

            TestLock rebooted = unit.Reboot();
            Assert.IsTrue(rebooted.Core.Protocol.IsPaired);
            // Its files intact: this boot logged a Boot record and no MemoryReset.
            Assert.AreEqual((int)AuditEvent.Boot, rebooted.AuditEventBack(0));
            // The last token's time was in flash before its answer.
            Assert.AreEqual(ProtocolVectors.TokenTime, rebooted.Core.Protocol.Clock.HighWater);
            rebooted.Send(ProtocolVectors.TimeToken);
            Assert.AreEqual("8500", rebooted.Phone.Last);
            // A new boot, so a new lock nonce: the recorded session is worthless.
            rebooted.Send(ProtocolVectors.Hello);
            Assert.IsFalse(rebooted.Phone.Last == "8200" + ProtocolVectors.LockNonce);
            Assert.AreEqual((byte)ResultCode.Ok, (byte)rebooted.Phone.LastResult);
        }

        [TestMethod]
        public void A_cut_between_the_pairing_commit_and_the_safety_commit_keeps_the_new_pairing_and_its_time()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Provision);
            unit.Press(TestLock.LongPressMs);
            unit.RunFor(20000);
            // PAIR: the pairing record's save (Length, Write: open, bytes, commit, return) then the safety state's.
            unit.Files.CutPowerAt(unit.Files.CutPoints + 4);
            bool cut = false;
            try
            {
                unit.Send(ProtocolVectors.Pair);
            }
            catch (PowerCutException)
            {
                cut = true;
            }

            Assert.IsTrue(cut);
            TestLock rebooted = unit.Reboot();
            Assert.IsTrue(rebooted.Core.Protocol.IsPaired);
            Assert.AreEqual(ProtocolVectors.PairTime, rebooted.Core.Protocol.Clock.HighWater);
        }

        [TestMethod]
        public void A_volume_formatted_at_mount_leaves_the_lock_unpaired_shut_and_saying_so()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Files.Format();

            TestLock rebooted = unit.Reboot();

            Assert.IsFalse(rebooted.Core.Protocol.IsPaired);
            Assert.IsFalse(rebooted.Core.Protocol.Identity.Provisioned);
            Assert.AreEqual(Warnings.MemoryReset, rebooted.Core.Warnings & Warnings.MemoryReset);
            Assert.AreEqual((int)AuditEvent.MemoryReset, rebooted.AuditEventBack(0));
            rebooted.Send(ProtocolVectors.Hello);
            Assert.AreEqual("8215", rebooted.Phone.Last);
            Assert.AreEqual(0, rebooted.Bridge.Starts);
        }

        [TestMethod]
        public void A_lost_safety_state_also_drops_the_secret_so_session_nonces_cannot_repeat()
        {
            TestLock unit = TestLock.PairedWithTime();
            unit.Files.Delete("safety.a");
            unit.Files.Delete("safety.b");

            TestLock rebooted = unit.Reboot();

            Assert.IsFalse(rebooted.Core.Protocol.IsPaired);
            Assert.AreEqual(Warnings.MemoryReset, rebooted.Core.Warnings & Warnings.MemoryReset);
            // The MemoryReset record says Damaged (2), not Blank: the audit records were still there.
            byte[] record = new byte[AuditRecord.Size];
            rebooted.Core.AuditLog.ReadSince(rebooted.Core.AuditLog.NextSequence - 1, record, 1);
            Assert.AreEqual((byte)StorageHealth.Damaged, record[AuditRecord.ResultOffset]);
            rebooted.Send(ProtocolVectors.Hello);
            Assert.AreEqual("8215", rebooted.Phone.Last);
        }
    }
}
