using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.SelfTest;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The push-button self-test through the whole lock (DOMAIN.md, "The push-button self-test"):
    /// a press on the button input, the green LED on, off within 10 s, the red LED blinking once
    /// for a good battery within 20 s, the outcome in the audit log and as an event; and the same
    /// test started by a command in a session, whose event is MAC'd.
    /// </summary>
    [TestClass]
    public class CoreSelfTestTests
    {
        [TestMethod]
        public void A_button_press_runs_the_routine_within_its_limits()
        {
            TestLock unit = TestLock.Blank();
            int before = unit.Leds.Count;
            long pressedAt = unit.Now;

            unit.Press(0);
            unit.RunFor(20000);

            long greenOn = -1;
            long greenOff = -1;
            int redBlinks = 0;
            for (int i = before; i < unit.Leds.Count; i++)
            {
                LedChange change = unit.Leds[i];
                if (change.Led == Led.Green && change.On && greenOn < 0)
                {
                    greenOn = change.At;
                }
                else if (change.Led == Led.Green && !change.On && greenOn >= 0 && greenOff < 0)
                {
                    greenOff = change.At;
                }
                else if (change.Led == Led.Red && change.On)
                {
                    redBlinks++;
                    Assert.IsTrue(change.At - pressedAt <= 20000, "red at " + change.At);
                }
            }

            Assert.IsTrue(greenOn >= 0 && greenOn - pressedAt <= 100, "green on at " + greenOn);
            Assert.IsTrue(greenOff > greenOn && greenOff - pressedAt <= 10000, "green off at " + greenOff);
            Assert.AreEqual(1, redBlinks);
            Assert.AreEqual(SelfTestOutcome.BatteryGood, unit.Core.LastSelfTest);
            Assert.AreEqual((int)AuditEvent.SelfTest, unit.AuditEventBack(0));
            // Outside a session the event carries no MAC: C0 02 outcome millivolts(2).
            Assert.AreEqual("C00201" + Hex.Of(Le16(EndStopDriveTrain.SupplyMillivolts), 0, 2), unit.Phone.Last);
        }

        [TestMethod]
        public void The_test_load_is_on_only_while_the_routine_measures()
        {
            TestLock unit = TestLock.Blank();

            unit.Press(0);
            Assert.IsTrue(unit.Load.IsLoaded);
            unit.RunFor(20000);

            Assert.IsFalse(unit.Load.IsLoaded);
            Assert.IsTrue(unit.Load.LoadOffAt - unit.Load.LoadOnAt <= SelfTestTimings.LoadSampleMs, "load on for " + (unit.Load.LoadOffAt - unit.Load.LoadOnAt));
        }

        [TestMethod]
        public void A_self_test_started_in_a_session_ends_with_a_MACd_event()
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession phone = unit.Open(Role.Staff);

            unit.Send(phone.Command(Opcode.RunSelfTest));
            int length;
            Assert.AreEqual((byte)ResultCode.Ok, unit.LastMessage(out length)[4]);
            unit.Send(phone.Command(Opcode.RunSelfTest));
            Assert.AreEqual((byte)ResultCode.AlreadyMoving, unit.LastMessage(out length)[4]);

            unit.RunFor(20000);

            byte[] finished = unit.LastMessage(out length);
            Assert.AreEqual(0x02, (int)finished[1]);
            Assert.AreEqual((byte)SelfTestOutcome.BatteryGood, finished[2]);
            Assert.IsTrue(phone.IsGenuineEvent(finished, length));
        }

        private static byte[] Le16(int value)
        {
            byte[] bytes = new byte[2];
            Bytes.WriteUInt16(bytes, 0, value);
            return bytes;
        }
    }
}
