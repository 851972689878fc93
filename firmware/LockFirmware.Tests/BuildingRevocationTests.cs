using LockFirmware.Battery;
using LockFirmware.Ble;
using LockFirmware.Security;
using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Issue 21, many customers behind one door: a port unit's revocation list holds a building's
    /// 256 key ids, filled over the protocol; one more is refused and changes nothing; the list is
    /// in flash (its own record) across a reboot and a cut inside its commit; and a re-pairing
    /// cut between its commits leaves the old secret with its revocations or the new secret with
    /// none, never a mix.
    /// </summary>
    [TestClass]
    public class BuildingRevocationTests
    {
        private const uint Day = 86400;
        private const uint FirstKey = 1000;
        private const int PerCommand = 32;

        [TestMethod]
        public void A_port_unit_takes_256_revocations_over_the_protocol_and_refuses_the_257th_changing_nothing()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            PhoneSession admin = unit.Open(Role.Admin);
            Fill(unit, admin, RevocationList.BuildingCapacity);

            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32(FirstKey + RevocationList.BuildingCapacity)));
            Assert.AreEqual(ResultCode.RevocationListFull, Result(unit));

            // (Every id refused at unlock: host-tests PortRevocationTests; here the last one in.)
            Backend backend = Backend.OfVectors();
            AssertRevoked(unit, backend, FirstKey + RevocationList.BuildingCapacity - 1);
            Assert.AreEqual(0, unit.Strike.Releases);
            // The refused one went nowhere: its holder's HELLO is answered Ok.
            unit.Send(PhoneSession.Issued(backend, backend.Credential(FirstKey + RevocationList.BuildingCapacity, Role.Staff, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day)).Hello());
            Assert.AreEqual((byte)ResultCode.Ok, (byte)unit.Phone.LastResult);
        }

        [TestMethod]
        public void A_full_port_list_is_in_flash_every_id_of_it_as_the_next_boot_reads_it()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            PhoneSession admin = unit.Open(Role.Admin);
            Fill(unit, admin, RevocationList.BuildingCapacity);
            // An id already revoked takes no room: accepted on a full list, and nothing to commit.
            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32(FirstKey + 7)));
            Assert.AreEqual(ResultCode.Ok, Result(unit));

            LockMemory flash = Remount(unit, RevocationList.BuildingCapacity);

            Assert.AreEqual(RevocationList.BuildingCapacity, flash.Revoked.Count);
            for (uint key = FirstKey; key < FirstKey + RevocationList.BuildingCapacity; key++)
            {
                Assert.IsTrue(flash.Revoked.Contains(key));
            }
        }

        [TestMethod]
        public void A_cut_before_a_revocations_commit_lands_leaves_the_list_as_it_was()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            PhoneSession admin = unit.Open(Role.Admin);
            Fill(unit, admin, PerCommand);
            // The second save goes to revoked.b: Length, Write (open, create, bytes), then the cut before the commit.
            unit.Files.CutPowerAt(unit.Files.CutPoints + 3);
            Assert.IsTrue(CutWhile(unit, admin.Command(Opcode.RevokeKeys, Hex.Le32(5))));

            LockMemory flash = Remount(unit, RevocationList.BuildingCapacity);
            Assert.AreEqual(PerCommand, flash.Revoked.Count);
            Assert.IsFalse(flash.Revoked.Contains(5));
        }

        [TestMethod]
        public void A_cut_once_a_revocations_commit_has_landed_keeps_the_list_with_it()
        {
            TestLock unit = TestLock.PairedWithTime(new BatteryProfile(), UnitKind.Port);
            PhoneSession admin = unit.Open(Role.Admin);
            Fill(unit, admin, PerCommand);
            // revoked.b: Length, Write (open, create, bytes), the commit, then the cut before it returns.
            unit.Files.CutPowerAt(unit.Files.CutPoints + 4);
            Assert.IsTrue(CutWhile(unit, admin.Command(Opcode.RevokeKeys, Hex.Le32(5))));

            LockMemory flash = Remount(unit, RevocationList.BuildingCapacity);
            Assert.AreEqual(PerCommand + 1, flash.Revoked.Count);
            Assert.IsTrue(flash.Revoked.Contains(5));
        }

        [TestMethod]
        public void A_re_pair_cut_before_its_commit_keeps_the_old_secret_and_its_revocations()
        {
            Installer installer = new Installer();
            TestLock unit = RevokedThenRePairing(installer, 3);

            LockMemory flash = Remount(unit, RevocationList.DoorCapacity);

            Assert.IsTrue(flash.Pairing.Paired);
            Assert.AreEqual(ProtocolVectors.Secret, Hex.Of(flash.Pairing.Secret, 0, 32));
            Assert.AreEqual(1, flash.Revoked.Count);
            Assert.IsTrue(flash.Revoked.Contains(9));
        }

        [TestMethod]
        public void A_re_pair_cut_after_its_commit_keeps_the_new_secret_and_none_of_the_old_revocations()
        {
            Installer installer = new Installer();
            TestLock unit = RevokedThenRePairing(installer, 4);

            LockMemory flash = Remount(unit, RevocationList.DoorCapacity);

            Assert.IsTrue(flash.Pairing.Paired);
            Assert.AreEqual(Hex.Of(installer.Secret, 0, 32), Hex.Of(flash.Pairing.Secret, 0, 32));
            Assert.AreEqual(ProtocolVectors.TokenTime, flash.Pairing.PairedAt);
            Assert.AreEqual(0, flash.Revoked.Count);
        }

        /// <summary>
        /// A paired unit with key 9 revoked, then the installer's long press and a PAIR with a new
        /// secret, the power cut at <paramref name="cutAfter"/> points into it: the pairing record's
        /// save (Length, Write: open, create, bytes, the commit, return) comes first of its writes.
        /// </summary>
        private static TestLock RevokedThenRePairing(Installer installer, int cutAfter)
        {
            TestLock unit = TestLock.PairedWithTime();
            PhoneSession admin = unit.Open(Role.Admin);
            unit.Send(admin.Command(Opcode.RevokeKeys, Hex.Le32(9)));
            Assert.AreEqual(ResultCode.Ok, Result(unit));
            unit.Press(TestLock.LongPressMs);
            unit.RunFor(20000);
            byte[] pair = installer.Pair(unit, ProtocolVectors.LockId, ProtocolVectors.TokenTime, 0x31);

            unit.Files.CutPowerAt(unit.Files.CutPoints + cutAfter);
            Assert.IsTrue(CutWhile(unit, pair));
            return unit;
        }

        /// <summary>Revokes <paramref name="count"/> ids from <see cref="FirstKey"/> on, 32 to a command.</summary>
        private static void Fill(TestLock unit, PhoneSession admin, int count)
        {
            byte[] keys = new byte[4 * PerCommand];
            for (int sent = 0; sent < count; sent += PerCommand)
            {
                for (int i = 0; i < PerCommand; i++)
                {
                    Bytes.WriteUInt32(keys, 4 * i, (uint)(FirstKey + sent + i));
                }

                unit.Send(admin.Command(Opcode.RevokeKeys, keys));
                Assert.AreEqual(ResultCode.Ok, Result(unit));
            }
        }

        private static bool CutWhile(TestLock unit, byte[] message)
        {
            try
            {
                unit.Send(message);
            }
            catch (PowerCutException)
            {
                return true;
            }

            return false;
        }

        /// <summary>The power back: the volume mounts and what the next boot reads from it, with the health it finds (Intact).</summary>
        private static LockMemory Remount(TestLock unit, int capacity)
        {
            unit.Files.Mount();
            LockMemory flash = new LockMemory(unit.Files, TestLock.AuditSegments, capacity);
            Assert.AreEqual(StorageHealth.Intact, flash.Mount());
            return flash;
        }

        private static void AssertRevoked(TestLock unit, Backend backend, uint keyId)
        {
            unit.Send(PhoneSession.Issued(backend, backend.Credential(keyId, Role.Staff, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + Day)).Hello());
            int length;
            Assert.AreEqual((byte)ResultCode.Revoked, unit.LastMessage(out length)[1], unit.Phone.Last);
        }

        private static ResultCode Result(TestLock unit)
        {
            int length;
            return (ResultCode)unit.LastMessage(out length)[4];
        }
    }
}
