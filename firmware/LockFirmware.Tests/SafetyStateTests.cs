using LockFirmware.Storage;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The safety state's copy: the backup's recorded fall (issue 21) reads back as written, and a
    /// copy saved before that field existed (0xFF there, as Encode pads) reads as no fall recorded.
    /// </summary>
    [TestClass]
    public class SafetyStateTests
    {
        private const int PayloadBytes = StorageLayout.SafetySlotSize - AtomicRecord.Overhead;

        [TestMethod]
        public void The_backup_low_sequence_reads_back_with_the_rest_of_the_state()
        {
            SafetyState written = new SafetyState();
            written.BootCount = 7;
            written.MemoryResetSequence = 3;
            written.BackupLowSequence = 1234;
            byte[] payload = new byte[PayloadBytes];
            written.Encode(payload);

            SafetyState read = new SafetyState();
            read.Decode(payload);
            Assert.AreEqual((uint)1234, read.BackupLowSequence);
            Assert.AreEqual((uint)7, read.BootCount);
            Assert.AreEqual((uint)3, read.MemoryResetSequence);
            Assert.IsTrue(SafetyState.Size <= PayloadBytes);
        }

        [TestMethod]
        public void A_copy_from_before_the_field_reads_as_no_fall_recorded()
        {
            SafetyState written = new SafetyState();
            written.BootCount = 9;
            byte[] payload = new byte[PayloadBytes];
            written.Encode(payload);
            for (int i = SafetyState.Size - 4; i < SafetyState.Size; i++)
            {
                payload[i] = 0xFF;
            }

            SafetyState read = new SafetyState();
            read.BackupLowSequence = 55;
            read.Decode(payload);
            Assert.AreEqual((uint)0, read.BackupLowSequence);
            Assert.AreEqual((uint)9, read.BootCount);
        }
    }
}
