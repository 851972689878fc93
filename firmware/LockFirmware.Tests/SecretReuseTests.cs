using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Tests.Crypto;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// A re-pairing voids every credential only if its secret is new (docs/PROTOCOL.md,
    /// "Pairing"): a PAIR whose secret is the one the unit holds, or the one of the pairing before,
    /// would clear the revocations and bring revoked keys back. Such a PAIR is refused
    /// SecretReused and changes nothing; the unit keeps a fingerprint of its last two secrets, not
    /// the secrets, in the pairing record, so an Unpair or a reboot forgets none of it.
    /// </summary>
    [TestClass]
    public class SecretReuseTests
    {
        private const uint OtherLockId = 2002;

        [TestMethod]
        public void A_pair_with_the_secret_the_unit_holds_is_refused_SecretReused_and_the_window_stays_open_for_a_new_one()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            OpenWindow(unit);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));
            OpenWindow(unit);
            uint next = unit.Core.AuditLog.NextSequence;

            Assert.AreEqual("8427", Send(unit, installer.Pair(unit, OtherLockId, ProtocolVectors.TokenTime + 60, 0x31)));

            // INFO: still lock 1001, the window still open (flags: paired, provisioned, window).
            unit.Send("01");
            Assert.AreEqual("07" + "E9030000", unit.Phone.Last.Substring(12, 10));
            // One record says it was refused.
            Assert.AreEqual(next + 1, unit.Core.AuditLog.NextSequence);
            Assert.AreEqual((int)AuditEvent.Refused, unit.AuditEventBack(0));
            Assert.AreEqual("8400", Send(unit, installer.Pair(unit, OtherLockId, ProtocolVectors.TokenTime + 60, 0x32)));
        }

        [TestMethod]
        public void A_refused_re_pairing_keeps_the_secret_and_its_revocations_in_flash()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            OpenWindow(unit);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));
            unit.Connect();
            PhoneSession admin = unit.Open(new Backend(installer.Secret, ProtocolVectors.LockId), Role.Admin);
            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32(9)));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            OpenWindow(unit);

            Assert.AreEqual("8427", Send(unit, installer.Pair(unit, OtherLockId, ProtocolVectors.TokenTime + 60, 0x31)));

            LockMemory flash = Remount(unit);
            Assert.AreEqual(ProtocolVectors.LockId, flash.Pairing.LockId);
            Assert.AreEqual(Hex.Of(installer.Secret, 0, 32), Hex.Of(flash.Pairing.Secret, 0, 32));
            Assert.IsTrue(flash.Revoked.Contains(9));
        }

        [TestMethod]
        public void After_an_unpair_its_secret_does_not_pair_again_but_a_new_one_does()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            OpenWindow(unit);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));
            unit.Connect();
            PhoneSession admin = unit.Open(new Backend(installer.Secret, ProtocolVectors.LockId), Role.Admin);
            unit.Send(admin.Command(Opcode.Unpair));
            Assert.AreEqual(ResultCode.Ok, Result(unit));

            OpenWindow(unit);
            Assert.AreEqual("8427", PairAsIssued(unit, installer, 0x31));
            Assert.IsFalse(unit.Core.Protocol.IsPaired);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x33));
        }

        [TestMethod]
        public void The_flash_holds_the_documented_fingerprints_of_the_last_two_secrets()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            OpenWindow(unit);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));

            // What the next power-up reads: HMAC(factoryKey, "LOCK-PRINT" || secret)[..16] of this secret and the one before.
            LockMemory flash = Remount(unit);
            Assert.IsTrue(flash.Pairing.Remembers(Print(installer.Secret), 0));
            Assert.IsTrue(flash.Pairing.Remembers(Print(Hex.Bytes(ProtocolVectors.Secret)), 0));
            Assert.IsFalse(flash.Pairing.Remembers(Print(new byte[32]), 0));
        }

        [TestMethod]
        public void Only_the_last_two_secrets_are_remembered()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            byte[] seeds = new byte[] { 0x31, 0x32, 0x33 };
            for (int i = 0; i < seeds.Length; i++)
            {
                OpenWindow(unit);
                Assert.AreEqual("8400", PairAsIssued(unit, installer, seeds[i]));
            }

            OpenWindow(unit);
            Assert.AreEqual("8427", PairAsIssued(unit, installer, 0x32));
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));
        }

        [TestMethod]
        public void The_pairing_record_keeps_fingerprints_of_the_secrets_never_the_old_secret_itself()
        {
            Installer installer = new Installer();
            TestLock unit = TestLock.Paired();
            OpenWindow(unit);
            Assert.AreEqual("8400", PairAsIssued(unit, installer, 0x31));

            byte[] file = new byte[PairingState.SlotSize];
            byte[] old = Hex.Bytes(ProtocolVectors.Secret);
            for (int copy = 0; copy < 2; copy++)
            {
                string name = StorageLayout.PairingName + (copy == 0 ? ".a" : ".b");
                int length = unit.Files.Read(name, 0, file, 0, file.Length);
                Assert.AreEqual(PairingState.SlotSize, length);
                // The vector secret's first 8 bytes appear nowhere in the copy that holds the new pairing.
                if (Contains(file, installer.Secret))
                {
                    Assert.IsFalse(Contains(file, old));
                }
            }
        }

        private static bool Contains(byte[] file, byte[] secret)
        {
            for (int at = 0; at + 8 <= file.Length; at++)
            {
                bool same = true;
                for (int i = 0; i < 8 && same; i++)
                {
                    same = file[at + i] == secret[i];
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        private static byte[] Print(byte[] secret)
        {
            IKeyedMac factory = new ManagedMacFactory().Create(Hex.Bytes(ProtocolVectors.FactoryKey), 0, 32);
            byte[] print = new byte[32];
            new MacInput().Start(Labels.SecretPrint).Add(secret, 0, 32).ComputeWith(factory, print, 0);
            return print;
        }

        /// <summary>The installer's long press: the pairing window opens (its self-test runs out first).</summary>
        private static void OpenWindow(TestLock unit)
        {
            unit.Press(TestLock.LongPressMs);
            unit.RunFor(20000);
        }

        /// <summary>A PAIR for this unit's own lock id at the vectors' token time, made from <paramref name="seed"/>: its response in hex.</summary>
        private static string PairAsIssued(TestLock unit, Installer installer, byte seed)
        {
            return Send(unit, installer.Pair(unit, ProtocolVectors.LockId, ProtocolVectors.TokenTime, seed));
        }

        private static string Send(TestLock unit, byte[] pair)
        {
            unit.Send(pair);
            return unit.Phone.Last;
        }

        private static LockMemory Remount(TestLock unit)
        {
            unit.Files.Mount();
            LockMemory flash = new LockMemory(unit.Files, TestLock.AuditSegments);
            Assert.AreEqual(StorageHealth.Intact, flash.Mount());
            return flash;
        }

        private static ResultCode Result(TestLock unit)
        {
            int length;
            return (ResultCode)unit.LastMessage(out length)[4];
        }
    }
}
