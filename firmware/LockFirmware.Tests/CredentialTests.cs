using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Judging a credential (docs/PROTOCOL.md, "Credential"): its tag under the lock secret, its
    /// fields, its validity window and weekly schedule, on the document's test credential
    /// (Monday to Friday, 07:00 to 22:00 UTC, 30 days from Monday 2026-11-23).
    /// </summary>
    [TestClass]
    public class CredentialTests
    {
        private const uint Day = 86400;
        private const uint Hour = 3600;

        [TestMethod]
        public void The_documented_credential_carries_a_valid_tag()
        {
            Assert.IsTrue(TagIsValid(Hex.Bytes(ProtocolVectors.Credential), LockMac(Hex.Bytes(ProtocolVectors.Secret))));
        }

        [TestMethod]
        public void A_change_to_any_field_byte_or_tag_byte_or_another_secret_fails_the_tag()
        {
            // One keyed MAC for the whole test, as the lock keeps one under its secret.
            byte[] secret = Hex.Bytes(ProtocolVectors.Secret);
            IKeyedMac lockMac = LockMac(secret);
            byte[] credential = Hex.Bytes(ProtocolVectors.Credential);
            for (int i = 0; i < Credential.Size; i++)
            {
                credential[i] ^= 0x01;
                Assert.IsFalse(TagIsValid(credential, lockMac), "byte " + i + " changed");
                credential[i] ^= 0x01;
            }

            Assert.IsTrue(TagIsValid(credential, lockMac));
            secret[31] ^= 0x80;
            Assert.IsFalse(TagIsValid(credential, LockMac(secret)));
        }

        [TestMethod]
        public void The_fields_are_read_as_documented()
        {
            Credential credential = Read();

            Assert.AreEqual(ProtocolVectors.LockId, credential.LockId);
            Assert.AreEqual(ProtocolVectors.KeyId, credential.KeyId);
            Assert.AreEqual(ProtocolVectors.UserId, credential.UserId);
            Assert.AreEqual((int)Role.Staff, (int)credential.Role);
            Assert.AreEqual((byte)1, credential.Organisation);
            Assert.AreEqual((byte)0x1F, credential.WeekdayMask);
            Assert.AreEqual(7 * 60, credential.DayStartMinute);
            Assert.AreEqual(22 * 60, credential.DayEndMinute);
            Assert.AreEqual(ProtocolVectors.ValidFrom, credential.ValidFrom);
            Assert.AreEqual(ProtocolVectors.ValidFrom + 30 * Day, credential.ValidUntil);
        }

        [TestMethod]
        public void The_validity_window_includes_its_start_and_excludes_its_end()
        {
            Credential credential = Read();

            Assert.IsFalse(credential.IsInWindow(ProtocolVectors.ValidFrom - 1));
            Assert.IsTrue(credential.IsInWindow(ProtocolVectors.ValidFrom));
            Assert.IsTrue(credential.IsInWindow(credential.ValidUntil - 1));
            Assert.IsFalse(credential.IsInWindow(credential.ValidUntil));
        }

        [TestMethod]
        public void The_schedule_opens_at_07_00_and_closes_at_22_00_on_weekdays()
        {
            Credential credential = Read();
            uint monday = ProtocolVectors.ValidFrom;

            Assert.IsFalse(credential.IsInSchedule(monday + 7 * Hour - 1));
            Assert.IsTrue(credential.IsInSchedule(monday + 7 * Hour));
            Assert.IsTrue(credential.IsInSchedule(monday + 22 * Hour - 1));
            Assert.IsFalse(credential.IsInSchedule(monday + 22 * Hour));
        }

        [TestMethod]
        public void The_schedule_is_open_monday_to_friday_and_shut_at_the_weekend()
        {
            Credential credential = Read();
            uint mondayNoon = ProtocolVectors.ValidFrom + 12 * Hour;

            for (uint day = 0; day < 7; day++)
            {
                Assert.AreEqual(day < 5, credential.IsInSchedule(mondayNoon + day * Day), "day " + day + " after Monday");
            }
        }

        [TestMethod]
        public void An_empty_weekday_mask_means_any_day_any_time()
        {
            Credential credential = Read();
            credential.WeekdayMask = 0;
            uint saturday = ProtocolVectors.ValidFrom + 5 * Day;

            Assert.IsTrue(credential.IsInSchedule(saturday));
            Assert.IsTrue(credential.IsInSchedule(saturday + 23 * Hour + 3599));
        }

        private static Credential Read()
        {
            Credential credential = new Credential();
            credential.Read(Hex.Bytes(ProtocolVectors.Credential), 0);
            return credential;
        }

        private static IKeyedMac LockMac(byte[] secret)
        {
            return new ManagedMacFactory().Create(secret, 0, secret.Length);
        }

        /// <summary>The lock's check: HMAC(secret, "LOCK-CRED" || fields), first 12 bytes, compared in constant time.</summary>
        private static bool TagIsValid(byte[] credential, IKeyedMac lockMac)
        {
            byte[] mac = new byte[32];
            new MacInput().Start(Labels.Credential).Add(credential, 0, Credential.FieldsLength).ComputeWith(lockMac, mac, 0);
            return ConstantTime.Equals(mac, 0, credential, Credential.FieldsLength, Credential.TagLength);
        }
    }
}
