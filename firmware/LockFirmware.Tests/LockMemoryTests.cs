using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// What the lock finds in its files at power-up (Storage/LockMemory.Mount): Blank on a new or
    /// formatted volume, Intact after it saved, Damaged when a state is unreadable or the safety
    /// state is gone while other files remain.
    /// </summary>
    [TestClass]
    public class LockMemoryTests
    {
        private const int Segments = 2;

        [TestMethod]
        public void A_new_volume_is_Blank_and_a_saved_one_is_Intact_with_its_states()
        {
            RamFileSystem files = new RamFileSystem(8 + Segments);
            LockMemory memory = new LockMemory(files, Segments);
            Assert.AreEqual(StorageHealth.Blank, memory.Mount());

            memory.State.BootCount = 3;
            memory.State.ClockLowerBound = ProtocolVectors.PairTime;
            memory.Pairing.Paired = true;
            memory.Pairing.LockId = ProtocolVectors.LockId;
            memory.Revoked.Add(9);
            Assert.IsTrue(memory.Save());
            Assert.IsTrue(memory.SavePairing());
            Assert.IsTrue(memory.SaveRevocations());

            LockMemory after = new LockMemory(files, Segments);
            Assert.AreEqual(StorageHealth.Intact, after.Mount());
            Assert.AreEqual(3u, after.State.BootCount);
            Assert.AreEqual(ProtocolVectors.PairTime, after.State.ClockLowerBound);
            Assert.IsTrue(after.Pairing.Paired);
            Assert.AreEqual(ProtocolVectors.LockId, after.Pairing.LockId);
            Assert.IsTrue(after.Revoked.Contains(9));
        }

        [TestMethod]
        public void A_formatted_volume_is_Blank_again()
        {
            RamFileSystem files = new RamFileSystem(8 + Segments);
            LockMemory memory = new LockMemory(files, Segments);
            memory.Mount();
            memory.Save();
            memory.Audit.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);

            files.Format();

            Assert.AreEqual(StorageHealth.Blank, new LockMemory(files, Segments).Mount());
        }

        [TestMethod]
        public void Audit_records_without_a_safety_state_are_Damaged()
        {
            RamFileSystem files = new RamFileSystem(8 + Segments);
            LockMemory memory = new LockMemory(files, Segments);
            memory.Mount();
            memory.Save();
            memory.Audit.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);

            files.Delete("safety.a");
            files.Delete("safety.b");

            Assert.AreEqual(StorageHealth.Damaged, new LockMemory(files, Segments).Mount());
        }

        [TestMethod]
        public void An_unreadable_pairing_is_Damaged_and_leaves_the_unit_unpaired()
        {
            RamFileSystem files = new RamFileSystem(8 + Segments);
            LockMemory memory = new LockMemory(files, Segments);
            memory.Mount();
            memory.Save();
            memory.Pairing.Paired = true;
            memory.SavePairing();

            files.Corrupt("pairing.a", AtomicRecord.Overhead);

            LockMemory after = new LockMemory(files, Segments);
            Assert.AreEqual(StorageHealth.Damaged, after.Mount());
            Assert.IsFalse(after.Pairing.Paired);
        }
    }
}
