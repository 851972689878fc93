using LockFirmware.Ble;
using LockFirmware.Security;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Every refusal of a COMMAND (docs/PROTOCOL.md, "Session", step 4), each answered under the
    /// session key while the lock holds one, and the messages no session can carry: an unknown
    /// type and a broken transport. None moves the motor.
    /// </summary>
    [TestClass]
    public class CommandRefusalTests
    {
        [TestMethod]
        public void Without_a_session_key_a_command_gets_the_bare_NoSession()
        {
            TestLock unit = TestLock.PairedWithTime();

            unit.Send(ProtocolVectors.CommandUnlock1);

            Assert.AreEqual("831C", unit.Phone.Last);
            Assert.AreEqual(0, unit.Bridge.Starts);
        }

        [TestMethod]
        public void A_wrong_MAC_is_BadMac_under_the_session_key_and_ends_the_session()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            byte[] unlock = phone.Command(Opcode.Unlock);
            unlock[unlock.Length - 1] ^= 0x01;

            unit.Send(unlock);
            AssertRefused(unit, phone, 1, Opcode.Unlock, ResultCode.BadMac);
            Assert.AreEqual(1, unit.Core.Protocol.Throttle.ConsecutiveFailures);

            unit.Send(phone.Command(Opcode.Unlock));
            AssertRefused(unit, phone, 2, Opcode.Unlock, ResultCode.NoSession);
        }

        [TestMethod]
        public void A_counter_out_of_order_or_repeated_is_Replayed_and_the_session_goes_on()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            byte[] first = phone.Command(Opcode.Status);
            byte[] second = phone.Command(Opcode.Unlock);

            unit.Send(second);
            AssertRefused(unit, phone, 2, Opcode.Unlock, ResultCode.Replayed);
            unit.Send(first);
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
            unit.Send(first);
            AssertRefused(unit, phone, 1, Opcode.Status, ResultCode.Replayed);
            unit.Send(second);
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
        }

        [TestMethod]
        public void After_thirty_seconds_idle_the_session_is_over()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);
            int drops = unit.Phone.Disconnects;

            unit.RunFor(ProtocolInfoTimeout + 1);
            // The link supervisor dropped the idle phone, and the session key with it.
            Assert.AreEqual(drops + 1, unit.Phone.Disconnects);
            unit.Send(phone.Command(Opcode.Unlock));

            Assert.AreEqual("831C", unit.Phone.Last);
            Assert.AreEqual(0, unit.Bridge.Starts);
        }

        [TestMethod]
        public void A_session_kept_busy_still_ends_when_the_credential_expires()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();
            PhoneSession phone = unit.Open(PhoneSession.Issued(backend, backend.Credential(9, Role.Staff, ProtocolVectors.ValidFrom, ProtocolVectors.TokenTime + 60)));

            for (int i = 0; i < 3; i++)
            {
                unit.Send(phone.Command(Opcode.Status));
                Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
                unit.RunFor(25000);
            }

            unit.Send(phone.Command(Opcode.Unlock));
            AssertRefused(unit, phone, 4, Opcode.Unlock, ResultCode.OutsideWindow);
            unit.Send(phone.Command(Opcode.Unlock));
            AssertRefused(unit, phone, 5, Opcode.Unlock, ResultCode.OutsideWindow);
        }

        [TestMethod]
        public void A_session_ends_when_the_daily_window_closes()
        {
            // Monday 07:00: a credential for Mondays 06:00 to 07:01.
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();
            PhoneSession phone = unit.Open(PhoneSession.Issued(backend, backend.Credential(ProtocolVectors.LockId, 9, 9, Role.Staff, 0x01, 6 * 60, 7 * 60 + 1, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + 86400)));

            unit.Send(phone.Command(Opcode.Status));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
            unit.RunFor(25000);
            unit.Send(phone.Command(Opcode.Status));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
            unit.RunFor(25000);
            unit.Send(phone.Command(Opcode.Status));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
            unit.RunFor(25000); // 07:01:15

            unit.Send(phone.Command(Opcode.Unlock));
            AssertRefused(unit, phone, 4, Opcode.Unlock, ResultCode.OutsideSchedule);
        }

        [TestMethod]
        public void A_revocation_takes_effect_at_the_next_command_of_the_open_session()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession admin = unit.Open(Role.Admin);

            // Open() gives the admin key id 3 (its role).
            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32((uint)Role.Admin)));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, admin)[4]);
            unit.Send(admin.Command(Opcode.Unlock));

            AssertRefused(unit, admin, 2, Opcode.Unlock, ResultCode.Revoked);
        }

        [TestMethod]
        public void A_critical_battery_keeps_its_reserve_for_unlocking()
        {
            // Limits above the pack's 7.2 V under the test load: the long press's self-test finds it Critical.
            Battery.BatteryProfile critical = new Battery.BatteryProfile();
            critical.LowBelowMillivolts = 7800;
            critical.CriticalBelowMillivolts = 7600;
            TestLock unit = TestLock.PairedWithTime(critical);
            Assert.AreEqual(Battery.BatteryLevel.Critical, unit.Core.BatteryLevel);
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send(phone.Command(Opcode.Lock));
            AssertRefused(unit, phone, 1, Opcode.Lock, ResultCode.RefusedBattery);

            unit.Send(phone.Command(Opcode.Unlock));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, phone)[4]);
            Assert.AreEqual((int)Ports.MotorDrive.Unlock, (int)unit.Bridge.FirstStart);
        }

        [TestMethod]
        public void A_depleted_battery_moves_nothing_and_only_an_installer_clears_its_gas_risk()
        {
            Battery.BatteryProfile flat = new Battery.BatteryProfile();
            flat.LowBelowMillivolts = 9000;
            flat.CriticalBelowMillivolts = 8500;
            flat.DepletedBelowMillivolts = 8000;
            TestLock unit = TestLock.PairedWithTime(flat);
            Assert.AreEqual(Battery.BatteryLevel.Depleted, unit.Core.BatteryLevel);
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send(phone.Command(Opcode.Unlock));
            AssertRefused(unit, phone, 1, Opcode.Unlock, ResultCode.RefusedBattery);

            // Over-discharged: a gas risk, which staff may not clear by registering a battery change; an installer may.
            Assert.IsFalse(unit.Core.GasRisk == Battery.GasRiskCause.None);
            unit.Send(phone.Command(Opcode.RegisterBatteryChange));
            AssertRefused(unit, phone, 2, Opcode.RegisterBatteryChange, ResultCode.RoleNotAllowed);
            PhoneSession installer = unit.Open(Role.Installer);
            unit.Send(installer.Command(Opcode.RegisterBatteryChange));
            Assert.AreEqual((byte)ResultCode.Ok, Answer(unit, installer)[4]);
            Assert.AreEqual(Battery.GasRiskCause.None, unit.Core.GasRisk);
        }

        [TestMethod]
        public void Staff_may_neither_revoke_nor_unpair()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession staff = unit.Open(Role.Staff);

            unit.Send(staff.Command(Opcode.RevokeKeys, Hex.Le32(9)));
            AssertRefused(unit, staff, 1, Opcode.RevokeKeys, ResultCode.RoleNotAllowed);
            unit.Send(staff.Command(Opcode.Unpair));
            AssertRefused(unit, staff, 2, Opcode.Unpair, ResultCode.RoleNotAllowed);

            Assert.IsTrue(unit.Core.Protocol.IsPaired);
            Assert.IsTrue(unit.Core.Protocol.SessionOpen);
        }

        [TestMethod]
        public void A_command_too_short_for_a_MAC_is_BadFrame_under_the_session_key()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send("0301000201020304050607");

            AssertRefused(unit, phone, 1, Opcode.Unlock, ResultCode.BadFrame);
            Assert.IsTrue(unit.Core.Protocol.SessionOpen);
        }

        [TestMethod]
        public void An_unknown_message_type_gets_the_error_type_never_one_that_reads_as_an_event()
        {
            TestLock unit = TestLock.PairedWithTime();

            unit.Send("40010203");
            Assert.AreEqual("802340", unit.Phone.Last);
            unit.Send("C0");
            Assert.AreEqual("8023C0", unit.Phone.Last);
        }

        [TestMethod]
        public void A_broken_transport_is_answered_BadFrame_and_nothing_partial_is_acted_on()
        {
            TestLock unit = TestLock.PairedWithTime();
            byte[] unlock = Hex.Bytes("01" + ProtocolVectors.CommandUnlock1);

            // A continuation without its first fragment.
            unit.Write(unlock, unlock.Length);

            Assert.AreEqual("8010", unit.Phone.Last);
            Assert.AreEqual(0, unit.Bridge.Starts);
        }

        private const int ProtocolInfoTimeout = LockFirmware.Protocol.ProtocolInfo.SessionIdleTimeoutMs;

        private static byte[] Answer(TestLock unit, PhoneSession phone)
        {
            int length;
            byte[] answer = unit.LastMessage(out length);
            Assert.IsTrue(phone.IsGenuineResponse(answer, length), "answered under the session key: " + unit.Phone.Last);
            return answer;
        }

        private static void AssertRefused(TestLock unit, PhoneSession phone, int counter, Opcode opcode, ResultCode expected)
        {
            byte[] answer = Answer(unit, phone);
            Assert.AreEqual(counter, Bytes.ReadUInt16(answer, 1));
            Assert.AreEqual((byte)opcode, answer[3]);
            Assert.AreEqual((byte)expected, answer[4], unit.Phone.Last);
            Assert.AreEqual(0, unit.Bridge.Starts);
        }
    }
}
