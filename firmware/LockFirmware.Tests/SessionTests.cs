using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// A session end to end through the whole lock (docs/PROTOCOL.md, "Session"), first with
    /// the document's own bytes: the unit paired by the documented PAIR, the documented time
    /// token, HELLO, the unlock command and its answers and event, byte for byte; then the
    /// other commands as a phone of the suite's backend sends them.
    /// </summary>
    [TestClass]
    public class SessionTests
    {
        [TestMethod]
        public void The_documented_session_gives_the_documented_bytes_from_hello_to_the_event()
        {
            TestLock unit = TestLock.Paired();
            unit.Send(ProtocolVectors.TimeToken);
            Assert.AreEqual("8500", unit.Phone.Last);
            unit.Connect();

            unit.Send(ProtocolVectors.Hello);
            Assert.AreEqual("8200" + ProtocolVectors.LockNonce, unit.Phone.Last);

            unit.Send(ProtocolVectors.CommandUnlock1);
            Assert.AreEqual(ProtocolVectors.ResponseUnlock1Ok, unit.Phone.Last);
            Assert.AreEqual((int)MotorDrive.Unlock, (int)unit.Bridge.FirstStart);

            unit.RunFor(3000);
            Assert.AreEqual(LockState.Unlocked, unit.Core.State);
            Assert.AreEqual(ProtocolVectors.EventUnlocked1, unit.Phone.Last);

            int starts = unit.Bridge.Starts;
            unit.Send(ProtocolVectors.CommandUnlock1);
            Assert.AreEqual(ProtocolVectors.ResponseUnlock1Replayed, unit.Phone.Last);
            Assert.AreEqual(starts, unit.Bridge.Starts);
        }

        [TestMethod]
        public void Status_reports_the_state_and_counters_under_the_session_key()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send(phone.Command(Opcode.Status));

            int length;
            byte[] answer = unit.LastMessage(out length);
            Assert.IsTrue(phone.IsGenuineResponse(answer, length));
            Assert.AreEqual(5 + Notices.StatusLength + 8, length);
            Assert.AreEqual((byte)ResultCode.Ok, answer[4]);
            Assert.AreEqual((byte)unit.Core.State, answer[5]);
            Assert.AreEqual((byte)unit.Core.BatteryLevel, answer[7]);
            Assert.AreEqual(0, Bytes.ReadUInt16(answer, 11));
        }

        [TestMethod]
        public void Unlock_then_lock_run_the_motor_and_each_end_comes_as_a_MACd_event()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            int length;

            unit.Send(phone.Command(Opcode.Unlock));
            unit.RunFor(3000);
            Assert.IsTrue(phone.IsGenuineEvent(unit.LastMessage(out length), length));
            unit.Send(phone.Command(Opcode.Unlock));
            Assert.AreEqual((byte)ResultCode.AlreadyThere, unit.LastMessage(out length)[4]);
            unit.Send(phone.Command(Opcode.Lock));
            Assert.AreEqual((byte)ResultCode.Ok, unit.LastMessage(out length)[4]);
            unit.Send(phone.Command(Opcode.Lock));
            Assert.AreEqual((byte)ResultCode.AlreadyMoving, unit.LastMessage(out length)[4]);
            unit.RunFor(3000);

            byte[] locked = unit.LastMessage(out length);
            Assert.IsTrue(phone.IsGenuineEvent(locked, length));
            Assert.AreEqual((byte)LockState.Locked, locked[2]);
            Assert.AreEqual(1, unit.Core.CompletedUnlocks);
            Assert.AreEqual(1, unit.Core.CompletedLocks);
        }

        [TestMethod]
        public void The_audit_is_read_with_who_opened_and_acknowledged()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            unit.Send(phone.Command(Opcode.Unlock));
            unit.RunFor(3000);
            uint first = unit.Core.AuditLog.NextSequence - 2; // the Command record, then MoveFinished

            unit.Send(phone.Command(Opcode.ReadAudit, Hex.Le32(first)));

            int length;
            byte[] answer = unit.LastMessage(out length);
            Assert.IsTrue(phone.IsGenuineResponse(answer, length));
            Assert.AreEqual(2, (int)answer[5]);
            int record = 6;
            Assert.AreEqual(first, Bytes.ReadUInt32(answer, record + AuditRecord.SequenceOffset));
            Assert.AreEqual((byte)AuditEvent.Command, answer[record + AuditRecord.EventOffset]);
            Assert.AreEqual(ProtocolVectors.UserId + 100, Bytes.ReadUInt32(answer, record + AuditRecord.UserIdOffset));
            Assert.AreEqual((byte)AuditEvent.MoveFinished, answer[record + AuditRecord.Size + AuditRecord.EventOffset]);

            unit.Send(phone.Command(Opcode.AcknowledgeAudit, Hex.Le32(first + 1)));
            Assert.AreEqual((byte)ResultCode.Ok, unit.LastMessage(out length)[4]);
            Assert.AreEqual(first + 1, unit.Core.AuditLog.AcknowledgedUpTo);
        }

        [TestMethod]
        public void A_battery_change_is_registered_and_verification_starts()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send(phone.Command(Opcode.RegisterBatteryChange));

            int length;
            Assert.AreEqual((byte)ResultCode.Ok, unit.LastMessage(out length)[4]);
            Assert.IsFalse(unit.Core.BatteryVerification.IsVerified);
            Assert.AreEqual((int)AuditEvent.BatteryChanged, unit.AuditEventBack(1));
            Assert.AreEqual((int)AuditEvent.Command, unit.AuditEventBack(0));
        }

        [TestMethod]
        public void An_unknown_opcode_and_a_payload_of_the_wrong_length_are_refused_in_the_session()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            int length;

            unit.Send(phone.Command((Opcode)0x2A));
            byte[] answer = unit.LastMessage(out length);
            Assert.IsTrue(phone.IsGenuineResponse(answer, length));
            Assert.AreEqual((byte)ResultCode.UnknownOpcode, answer[4]);
            Assert.AreEqual(0x2A, (int)answer[3]);

            unit.Send(phone.Command(Opcode.ReadAudit, new byte[3]));
            Assert.AreEqual((byte)ResultCode.BadFrame, unit.LastMessage(out length)[4]);
            unit.Send(phone.Command(Opcode.RevokeKeys, new byte[5]));
            Assert.AreEqual((byte)ResultCode.RoleNotAllowed, unit.LastMessage(out length)[4]);
            // The session goes on: the next command is answered.
            unit.Send(phone.Command(Opcode.Status));
            Assert.AreEqual((byte)ResultCode.Ok, unit.LastMessage(out length)[4]);
        }

        [TestMethod]
        public void An_admin_unpairs_the_unit_under_the_session_and_it_is_stock_after_a_reboot()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession admin = unit.Open(Role.Admin);

            unit.Send(admin.Command(Opcode.Unpair));

            int length;
            byte[] answer = unit.LastMessage(out length);
            Assert.IsTrue(admin.IsGenuineResponse(answer, length));
            Assert.AreEqual((byte)ResultCode.Ok, answer[4]);
            Assert.IsFalse(unit.Core.Protocol.IsPaired);
            unit.Send(admin.Hello());
            Assert.AreEqual("8215", unit.Phone.Last);

            TestLock rebooted = unit.Reboot();
            Assert.IsFalse(rebooted.Core.Protocol.IsPaired);
            Assert.IsTrue(rebooted.Core.Protocol.Identity.Provisioned);
        }
    }
}
