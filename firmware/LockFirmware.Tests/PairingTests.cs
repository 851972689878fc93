using LockFirmware.Ble;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Production and pairing through the whole lock (docs/PROTOCOL.md, "Provisioning" and
    /// "Pairing"): PROVISION, the long press, and the document's PAIR, sealed under the factory
    /// key, opened with the suite's managed AES; and every refusal on the way, each leaving the
    /// unit as it was.
    /// </summary>
    [TestClass]
    public class PairingTests
    {
        [TestMethod]
        public void The_documented_provision_long_press_and_pair_pair_the_unit_at_the_pairings_time()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Provision);
            Assert.AreEqual("8600", unit.Phone.Last);
            unit.Press(TestLock.LongPressMs);

            // INFO: flags provisioned and window open, serial LK000042, the documented pairing nonce.
            unit.Send("01");
            Assert.AreEqual("810002" + "0003" + "01" + "06" + "00000000" + "4C4B303030303432" + ProtocolVectors.PairingNonce, unit.Phone.Last);

            unit.Send(ProtocolVectors.Pair);

            Assert.AreEqual("8400", unit.Phone.Last);
            Assert.IsTrue(unit.Core.Protocol.IsPaired);
            Assert.IsTrue(unit.Core.Protocol.Clock.IsKnown);
            Assert.AreEqual(ProtocolVectors.PairTime, unit.Core.Protocol.Clock.Now(unit.Now));
            Assert.AreEqual((int)AuditEvent.Paired, unit.AuditEventBack(0));
            unit.RunFor(61000);
            Assert.AreEqual(ProtocolVectors.PairTime + 61, unit.Core.Protocol.Clock.Now(unit.Now));
            unit.Send("01");
            Assert.AreEqual("810002" + "0003" + "01" + "03" + "E9030000" + "4C4B303030303432" + "00000000000000000000000000000000", unit.Phone.Last);
        }

        [TestMethod]
        public void A_pairing_survives_a_power_cut_and_the_clock_waits_for_a_token()
        {
            TestLock unit = TestLock.Paired();

            TestLock rebooted = unit.Reboot();

            Assert.IsTrue(rebooted.Core.Protocol.IsPaired);
            Assert.IsTrue(rebooted.Core.Protocol.Identity.Provisioned);
            Assert.IsFalse(rebooted.Core.Protocol.Clock.IsKnown);
            // The high-water mark is the pairing's time at least.
            Assert.IsTrue(rebooted.Core.Protocol.Clock.HighWater >= ProtocolVectors.PairTime);
        }

        [TestMethod]
        public void Provision_refuses_a_wrong_length_a_bad_serial_a_bad_calibration_or_a_repeated_key_then_takes_one_once()
        {
            TestLock unit = TestLock.Blank();
            string serial = "4C4B303030303432";
            string key = ProtocolVectors.FactoryKey;

            unit.Send("06" + serial + key);
            Assert.AreEqual("8610", unit.Phone.Last);
            unit.Send("06" + "4C4B3030303034" + "1F" + key + "A627");
            Assert.AreEqual("8610", unit.Phone.Last);
            unit.Send("06" + serial + key + "8813"); // 5 000 is the least accepted; 4 999 is not
            Assert.AreEqual("8600", unit.Phone.Last);

            unit.Send(ProtocolVectors.Provision);
            Assert.AreEqual("8625", unit.Phone.Last);
            Assert.AreEqual(5000, unit.Core.Protocol.Identity.AdcCalibration);

            TestLock other = TestLock.Blank();
            other.Send("06" + serial + key + "8713"); // 4 999
            Assert.AreEqual("8610", other.Phone.Last);
            other.Send("06" + serial + key + "993A"); // 15 001
            Assert.AreEqual("8610", other.Phone.Last);
            other.Send("06" + serial + Repeat("AB", 32) + "A627");
            Assert.AreEqual("8610", other.Phone.Last);
            Assert.IsFalse(other.Core.Protocol.Identity.Provisioned);
        }

        [TestMethod]
        public void Pair_is_refused_before_provisioning_and_outside_the_window()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Pair);
            Assert.AreEqual("8424", unit.Phone.Last);

            unit.Send(ProtocolVectors.Provision);
            unit.Send(ProtocolVectors.Pair);
            Assert.AreEqual("8420", unit.Phone.Last);

            // A press shorter than the long press opens nothing.
            unit.Press(TestLock.LongPressMs - 100);
            unit.Send(ProtocolVectors.Pair);
            Assert.AreEqual("8420", unit.Phone.Last);
            Assert.IsFalse(unit.Core.Protocol.IsPaired);
        }

        [TestMethod]
        public void Pair_after_the_window_closed_is_refused()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Provision);
            unit.Press(TestLock.LongPressMs);
            unit.RunFor(60001);

            unit.Send(ProtocolVectors.Pair);

            Assert.AreEqual("8420", unit.Phone.Last);
            Assert.IsFalse(unit.Core.Protocol.IsPaired);
        }

        [TestMethod]
        public void A_pair_altered_anywhere_is_BadMac_and_leaves_the_unit_unpaired()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Provision);
            unit.Press(TestLock.LongPressMs);
            byte[] pair = Hex.Bytes(ProtocolVectors.Pair);
            // The lock id, the time, the iv, the sealed secret, the MAC: one byte each.
            int[] positions = new int[] { 1, 6, 10, 40, 73 };

            for (int i = 0; i < positions.Length; i++)
            {
                pair[positions[i]] ^= 0x01;
                unit.Send(pair);
                pair[positions[i]] ^= 0x01;
                Assert.AreEqual("8411", unit.Phone.Last, "byte " + positions[i]);
                // Past the third failure the lock backs off; wait it out.
                unit.RunFor(5000);
            }

            Assert.IsFalse(unit.Core.Protocol.IsPaired);
            unit.Send(pair);
            Assert.AreEqual("8400", unit.Phone.Last);
        }

        [TestMethod]
        public void A_short_or_long_pair_is_BadFrame()
        {
            TestLock unit = TestLock.Blank();
            unit.Send(ProtocolVectors.Provision);
            unit.Press(TestLock.LongPressMs);

            unit.Send(ProtocolVectors.Pair.Substring(0, ProtocolVectors.Pair.Length - 2));
            Assert.AreEqual("8410", unit.Phone.Last);
            unit.Send(ProtocolVectors.Pair + "00");
            Assert.AreEqual("8410", unit.Phone.Last);
            Assert.IsFalse(unit.Core.Protocol.IsPaired);
        }

        private static string Repeat(string hexByte, int count)
        {
            string text = "";
            for (int i = 0; i < count; i++)
            {
                text += hexByte;
            }

            return text;
        }
    }
}
