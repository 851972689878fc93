using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The audit ring (Storage/AuditLog) over the RAM file system: records read back in order
    /// with their CRC, an append cut at any point is there whole or not at all, sequences go on
    /// after a remount, and records the ring overwrote before acknowledgement are counted.
    /// </summary>
    [TestClass]
    public class AuditLogTests
    {
        private const int Segments = 3;
        private const int PerSegment = 4;

        [TestMethod]
        public void Appended_records_read_back_oldest_first_with_their_fields()
        {
            RamFileSystem files = new RamFileSystem(Segments);
            AuditLog log = NewLog(files);
            log.Mount();

            Assert.AreEqual(1u, log.Append(1000, AuditEvent.Command, 0, 7100, 7, 42, 0, 2));
            Assert.AreEqual(2u, log.Append(1001, AuditEvent.MoveFinished, 3, 6900, 0, 0, 850, 0));

            byte[] records = new byte[2 * AuditRecord.Size];
            Assert.AreEqual(2, log.ReadSince(1, records, 2));
            Assert.IsTrue(AuditRecord.IsValid(records, 0));
            Assert.AreEqual(1000u, Bytes.ReadUInt32(records, AuditRecord.TimeOffset));
            Assert.AreEqual(42u, Bytes.ReadUInt32(records, AuditRecord.UserIdOffset));
            Assert.AreEqual(2u, AuditRecord.Sequence(records, AuditRecord.Size));
            Assert.AreEqual(850, Bytes.ReadUInt16(records, AuditRecord.Size + AuditRecord.MotorOnTimeOffset));
        }

        [TestMethod]
        public void An_append_cut_at_any_point_is_there_whole_or_not_at_all_and_the_log_goes_on()
        {
            int points = CutPointsOfOneAppend();
            Assert.IsTrue(points >= 3, "an append passes " + points + " cut points");

            for (int cut = 0; cut < points; cut++)
            {
                RamFileSystem files = new RamFileSystem(Segments);
                AuditLog log = NewLog(files);
                log.Mount();
                log.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);
                files.CutPowerAt(files.CutPoints + cut);
                uint sequence = Append(log, 2);

                files.Mount();
                AuditLog after = NewLog(files);
                int found = after.Mount();
                Assert.IsTrue(found == 1 || found == 2, "cut " + cut + " found " + found);
                Assert.IsTrue(sequence == 0 || found == 2, "cut " + cut + ": a returned append is kept");
                Assert.AreEqual((uint)(found + 1), after.NextSequence);
                byte[] record = new byte[AuditRecord.Size];
                Assert.AreEqual(1, after.ReadSince((uint)found, record, 1));
                Assert.IsTrue(AuditRecord.IsValid(record, 0));
                Assert.AreEqual((uint)found, after.Append(3, AuditEvent.Boot, 0, 0, 0, 0, 0, 2) - 1);
            }
        }

        [TestMethod]
        public void A_torn_record_is_never_read_as_valid()
        {
            RamFileSystem files = new RamFileSystem(Segments);
            AuditLog log = NewLog(files);
            log.Mount();
            log.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);
            log.Append(2, AuditEvent.Command, 0, 0, 7, 42, 0, 2);

            files.Corrupt("audit00", AuditRecord.Size + AuditRecord.UserIdOffset);

            AuditLog after = NewLog(files);
            Assert.AreEqual(1, after.Mount());
            byte[] records = new byte[2 * AuditRecord.Size];
            Assert.AreEqual(1, after.ReadSince(1, records, 2));
            Assert.AreEqual(1u, AuditRecord.Sequence(records, 0));
        }

        [TestMethod]
        public void The_ring_keeps_its_capacity_and_counts_what_it_overwrote_unacknowledged()
        {
            RamFileSystem files = new RamFileSystem(Segments);
            AuditLog log = NewLog(files);
            log.Mount();
            int total = Segments * PerSegment + 1; // one into the third refill

            for (int i = 0; i < total; i++)
            {
                Assert.IsTrue(log.Append((uint)i, AuditEvent.Command, 0, 0, 0, 0, 0, 0) != 0);
            }

            Assert.AreEqual((uint)PerSegment, log.Dropped);
            byte[] oldest = new byte[AuditRecord.Size];
            Assert.AreEqual(1, log.ReadSince(0, oldest, 1));
            Assert.AreEqual((uint)PerSegment + 1, AuditRecord.Sequence(oldest, 0));

            Assert.IsTrue(log.Acknowledge((uint)total));
            Assert.AreEqual((uint)PerSegment, log.Dropped);
            Assert.IsFalse(log.Acknowledge((uint)total + 1));
        }

        [TestMethod]
        public void Sequences_never_repeat_after_a_remount_even_below_an_acknowledgement()
        {
            RamFileSystem files = new RamFileSystem(Segments);
            AuditLog log = NewLog(files);
            log.Mount();
            log.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);
            log.Append(2, AuditEvent.Boot, 0, 0, 0, 0, 0, 2);

            files.Format();
            AuditLog after = NewLog(files);
            after.Restore(2, 0);
            Assert.AreEqual(0, after.Mount());

            Assert.AreEqual(3u, after.Append(3, AuditEvent.Boot, 0, 0, 0, 0, 0, 3));
        }

        private static int CutPointsOfOneAppend()
        {
            RamFileSystem files = new RamFileSystem(Segments);
            AuditLog log = NewLog(files);
            log.Mount();
            log.Append(1, AuditEvent.Boot, 0, 0, 0, 0, 0, 1);
            int before = files.CutPoints;
            log.Append(2, AuditEvent.Command, 0, 0, 0, 0, 0, 2);
            return files.CutPoints - before;
        }

        /// <summary>Appends; 0 when the power went first.</summary>
        private static uint Append(AuditLog log, uint time)
        {
            try
            {
                return log.Append(time, AuditEvent.Command, 0, 0, 7, 42, 0, 2);
            }
            catch (PowerCutException)
            {
                return 0;
            }
        }

        [TestMethod]
        public void Segments_are_named_with_two_digits_then_three_and_rings_of_other_sizes_keep_their_own_names()
        {
            RamFileSystem doorFiles = new RamFileSystem(4);
            RamFileSystem portFiles = new RamFileSystem(130);
            RamFileSystem otherFiles = new RamFileSystem(4);
            AuditLog door = new AuditLog(doorFiles, "audit", 3, 1);
            AuditLog port = new AuditLog(portFiles, "audit", 128, 1);
            AuditLog other = new AuditLog(otherFiles, "trail", 3, 1);
            door.Mount();
            port.Mount();
            other.Mount();

            for (uint i = 0; i < 128; i++)
            {
                port.Append(1000 + i, AuditEvent.Command, 0, 7100, 7, 42, 0, 2);
            }

            for (uint i = 0; i < 3; i++)
            {
                door.Append(1000 + i, AuditEvent.Command, 0, 7100, 7, 42, 0, 2);
                other.Append(1000 + i, AuditEvent.Command, 0, 7100, 7, 42, 0, 2);
            }

            Assert.IsTrue(portFiles.Exists("audit00"));
            Assert.IsTrue(portFiles.Exists("audit09"));
            Assert.IsTrue(portFiles.Exists("audit99"));
            Assert.IsTrue(portFiles.Exists("audit100"));
            Assert.IsTrue(portFiles.Exists("audit127"));
            Assert.IsFalse(portFiles.Exists("audit128"));
            Assert.IsFalse(portFiles.Exists("audit010"));
            Assert.IsTrue(doorFiles.Exists("audit02"));
            Assert.IsFalse(doorFiles.Exists("audit03"));
            Assert.IsTrue(otherFiles.Exists("trail02"));
        }

        private static AuditLog NewLog(RamFileSystem files)
        {
            return new AuditLog(files, "audit", Segments, PerSegment);
        }
    }
}
