using LockFirmware.Ble;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Every refusal of HELLO, in the document's order of checks (docs/PROTOCOL.md, "Session"):
    /// bare where nothing genuine was seen, MAC'd under the credential key where the credential
    /// was genuine; and the back-off and tamper alarm that failures lead to. None moves the motor.
    /// </summary>
    [TestClass]
    public class HelloRefusalTests
    {
        private const uint Day = 86400;

        [TestMethod]
        public void An_unpaired_unit_answers_NotPaired()
        {
            TestLock unit = TestLock.Blank();

            unit.Send(ProtocolVectors.Hello);

            Assert.AreEqual("8215", unit.Phone.Last);
        }

        [TestMethod]
        public void A_credential_made_without_the_secret_is_a_bare_BadMac_and_a_counted_failure()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend forger = new Backend(new byte[32], ProtocolVectors.LockId);
            PhoneSession phone = PhoneSession.Issued(forger, forger.Credential(9, Role.Admin, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day));

            unit.Send(phone.Hello());

            Assert.AreEqual("8211", unit.Phone.Last);
            Assert.AreEqual(1, unit.Core.Protocol.Throttle.ConsecutiveFailures);
            Assert.AreEqual((int)AuditEvent.Refused, unit.AuditEventBack(0));
            Assert.IsFalse(unit.Core.Protocol.SessionOpen);
        }

        [TestMethod]
        public void A_credential_for_another_lock_is_WrongLock_in_an_answer_only_the_lock_could_make()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();

            AssertGenuineRefusal(unit, PhoneSession.Issued(backend, backend.Credential(2002, 9, 9, Role.Staff, Backend.AnyDay, 0, 1440, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day)), ResultCode.WrongLock);
        }

        [TestMethod]
        public void An_expired_or_not_yet_valid_credential_is_OutsideWindow()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();
            uint now = ProtocolVectors.TokenTime;

            AssertGenuineRefusal(unit, PhoneSession.Issued(backend, backend.Credential(9, Role.Staff, now - 2 * Day, now)), ResultCode.OutsideWindow);
            AssertGenuineRefusal(unit, PhoneSession.Issued(backend, backend.Credential(9, Role.Staff, now + 1, now + Day)), ResultCode.OutsideWindow);
        }

        [TestMethod]
        public void The_documented_credential_a_minute_before_its_schedule_opens_is_OutsideSchedule()
        {
            // Paired at 06:59, no token yet: the clock is the pairing's.
            TestLock unit = TestLock.Paired();
            unit.Connect();

            AssertGenuineRefusal(unit, PhoneSession.OfVectors(), ResultCode.OutsideSchedule);
            Assert.AreEqual((int)AuditEvent.Refused, unit.AuditEventBack(0));
        }

        [TestMethod]
        public void After_a_power_cut_the_clock_is_unknown_until_a_token_comes()
        {
            TestLock unit = TestLock.Paired().Reboot();

            AssertGenuineRefusal(unit, PhoneSession.OfVectors(), ResultCode.ClockUnknown);

            unit.Send(ProtocolVectors.TimeToken);
            Assert.AreEqual("8500", unit.Phone.Last);
            unit.Send(ProtocolVectors.Hello);
            Assert.AreEqual((byte)ResultCode.Ok, (byte)unit.Phone.LastResult);
        }

        [TestMethod]
        public void A_revoked_key_is_Revoked_and_the_revocation_is_all_or_nothing()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession admin = unit.Open(Role.Admin);
            byte[] keys = new byte[4 * RevocationList.DoorCapacity];
            for (int i = 0; i < RevocationList.DoorCapacity; i++)
            {
                Bytes.WriteUInt32(keys, 4 * i, (uint)(100 + i));
            }

            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32(9)));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            unit.Send(admin.Command(Opcode.RevokeKeys, keys));
            Assert.AreEqual(ResultCode.RevocationListFull, Result(unit));

            Backend backend = Backend.OfVectors();
            AssertGenuineRefusal(unit, PhoneSession.Issued(backend, backend.Credential(9, Role.Staff, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day)), ResultCode.Revoked);
            // Nothing of the refused list went in: key 100 still opens a session.
            unit.Open(PhoneSession.Issued(backend, backend.Credential(100, Role.Staff, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day)));
        }

        [TestMethod]
        public void From_the_third_failure_the_lock_backs_off_unchecked_then_lets_a_genuine_phone_in()
        {
            TestLock unit = TestLock.PairedWithTime();
            byte[] forged = Hex.Bytes(ProtocolVectors.Hello);
            forged[30] ^= 0x01;

            for (int i = 0; i < AuthThrottle.FreeFailures + 1; i++)
            {
                unit.Send(forged);
                Assert.AreEqual("8211", unit.Phone.Last);
            }

            unit.Send(ProtocolVectors.Hello);
            Assert.AreEqual("821B", unit.Phone.Last);
            Assert.AreEqual(3, unit.Core.Protocol.Throttle.ConsecutiveFailures);

            unit.RunFor(AuthThrottle.FirstBackOffMs);
            unit.Send(ProtocolVectors.Hello);
            Assert.AreEqual((byte)ResultCode.Ok, (byte)unit.Phone.LastResult);
            Assert.AreEqual(0, unit.Core.Protocol.Throttle.ConsecutiveFailures);
        }

        [TestMethod]
        public void Ten_failures_raise_the_tamper_alarm_but_only_the_first_three_fill_the_audit_log()
        {
            TestLock unit = TestLock.PairedWithTime();
            uint before = unit.Core.AuditLog.NextSequence;
            byte[] forged = Hex.Bytes(ProtocolVectors.Hello);
            forged[30] ^= 0x01;

            for (int i = 0; i < AuthThrottle.TamperFailures; i++)
            {
                unit.Send(forged);
                unit.RunFor(AuthThrottle.MaxBackOffMs);
            }

            Assert.IsTrue(unit.Core.Protocol.Throttle.TamperAlarm);
            Assert.AreEqual(Status.Warnings.Tamper, unit.Core.Warnings & Status.Warnings.Tamper);
            // Three Refused records and one Tamper record.
            Assert.AreEqual(before + 4, unit.Core.AuditLog.NextSequence);
            Assert.AreEqual((int)AuditEvent.Tamper, unit.AuditEventBack(0));
            Assert.AreEqual(0, unit.Bridge.Starts);

            unit.Send(ProtocolVectors.Hello);
            Assert.IsFalse(unit.Core.Protocol.Throttle.TamperAlarm);
        }

        [TestMethod]
        public void A_hello_of_the_wrong_length_is_BadFrame_and_no_failure()
        {
            TestLock unit = TestLock.PairedWithTime();

            unit.Send(ProtocolVectors.Hello + "09");

            Assert.AreEqual("8210", unit.Phone.Last);
            Assert.AreEqual(0, unit.Core.Protocol.Throttle.ConsecutiveFailures);
        }

        private static void AssertGenuineRefusal(TestLock unit, PhoneSession phone, ResultCode expected)
        {
            unit.Send(phone.Hello());
            int length;
            byte[] answer = unit.LastMessage(out length);
            Assert.AreEqual((byte)expected, answer[1], unit.Phone.Last);
            Assert.IsTrue(phone.IsGenuineRefusal(answer, length), "the refusal carries the credential key's MAC");
            Assert.IsFalse(unit.Core.Protocol.SessionOpen);
            Assert.AreEqual(0, unit.Bridge.Starts);
        }

        private static ResultCode Result(TestLock unit)
        {
            int length;
            return (ResultCode)unit.LastMessage(out length)[4];
        }
    }
}
