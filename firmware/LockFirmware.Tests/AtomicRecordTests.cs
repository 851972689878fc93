using LockFirmware.Storage;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// A small record saved in two generation files (Storage/AtomicRecord) over the RAM file
    /// system with LittleFS's commit semantics: a power cut at any point of a save leaves the old
    /// copy or the new one, never a torn one, and a damaged copy falls back to the other.
    /// </summary>
    [TestClass]
    public class AtomicRecordTests
    {
        private const int Payload = 16;

        [TestMethod]
        public void A_new_volume_has_no_record_and_a_saved_one_reads_back()
        {
            RamFileSystem files = new RamFileSystem(2);
            byte[] read = new byte[Payload];

            Assert.AreEqual(RecordState.Missing, new AtomicRecord(files, "state", Payload).Mount(read));

            Assert.IsTrue(new AtomicRecord(files, "state", Payload).Save(Filled(7)));
            Assert.AreEqual(RecordState.Found, new AtomicRecord(files, "state", Payload).Mount(read));
            Assert.AreEqual(Hex.Of(Filled(7), 0, Payload), Hex.Of(read, 0, Payload));
        }

        [TestMethod]
        public void The_newest_generation_wins_whichever_file_holds_it()
        {
            RamFileSystem files = new RamFileSystem(2);
            AtomicRecord record = new AtomicRecord(files, "state", Payload);
            byte[] read = new byte[Payload];

            for (byte value = 1; value <= 5; value++)
            {
                record.Save(Filled(value));
                Assert.AreEqual(RecordState.Found, new AtomicRecord(files, "state", Payload).Mount(read));
                Assert.AreEqual(value, read[0]);
            }

            Assert.AreEqual(2, files.FileCount);
        }

        [TestMethod]
        public void A_cut_at_every_point_of_a_save_leaves_the_old_copy_or_the_new_one()
        {
            byte[] read = new byte[Payload];
            int points = CutPointsOfOneSave();
            Assert.IsTrue(points >= 4, "a save passes " + points + " cut points");

            for (int cut = 0; cut < points; cut++)
            {
                RamFileSystem files = new RamFileSystem(2);
                AtomicRecord record = new AtomicRecord(files, "state", Payload);
                record.Mount(read);
                record.Save(Filled(1));
                record.Save(Filled(2));
                files.CutPowerAt(files.CutPoints + cut);
                bool returned = Save(record, Filled(3));

                files.Mount();
                Assert.AreEqual(RecordState.Found, new AtomicRecord(files, "state", Payload).Mount(read), "cut " + cut);
                Assert.IsTrue(read[0] == 2 || read[0] == 3, "cut " + cut + " read " + read[0]);
                Assert.AreEqual(read[0], read[Payload - 1]);
                // Once Save returned, the new copy is what any later cut finds.
                Assert.IsTrue(!returned || read[0] == 3, "cut " + cut);
            }
        }

        [TestMethod]
        public void A_cut_before_the_first_commit_leaves_an_empty_file_read_as_missing()
        {
            RamFileSystem files = new RamFileSystem(2);
            AtomicRecord record = new AtomicRecord(files, "state", Payload);
            record.Mount(new byte[Payload]);
            // Length, then the open that creates the file, then the bytes, uncommitted.
            files.CutPowerAt(files.CutPoints + 2);

            Assert.IsFalse(Save(record, Filled(1)));

            files.Mount();
            Assert.AreEqual(1, files.FileCount);
            Assert.AreEqual(RecordState.Missing, new AtomicRecord(files, "state", Payload).Mount(new byte[Payload]));
        }

        [TestMethod]
        public void A_damaged_newest_copy_falls_back_to_the_older_and_both_damaged_is_Damaged()
        {
            RamFileSystem files = new RamFileSystem(2);
            AtomicRecord record = new AtomicRecord(files, "state", Payload);
            record.Save(Filled(1));
            record.Save(Filled(2));
            byte[] read = new byte[Payload];

            files.Corrupt("state.b", AtomicRecord.Overhead);
            Assert.AreEqual(RecordState.Found, new AtomicRecord(files, "state", Payload).Mount(read));
            Assert.AreEqual((byte)1, read[0]);

            files.Corrupt("state.a", 0);
            read[0] = 9;
            Assert.AreEqual(RecordState.Damaged, new AtomicRecord(files, "state", Payload).Mount(read));
            Assert.AreEqual((byte)9, read[0]);
        }

        [TestMethod]
        public void A_save_after_a_fallback_overwrites_the_damaged_copy_not_the_good_one()
        {
            RamFileSystem files = new RamFileSystem(2);
            AtomicRecord first = new AtomicRecord(files, "state", Payload);
            first.Save(Filled(1));
            first.Save(Filled(2));
            files.Corrupt("state.b", AtomicRecord.Overhead);
            AtomicRecord record = new AtomicRecord(files, "state", Payload);
            byte[] read = new byte[Payload];
            record.Mount(read);

            record.Save(Filled(3));
            files.Corrupt("state.b", AtomicRecord.Overhead);

            Assert.AreEqual(RecordState.Found, new AtomicRecord(files, "state", Payload).Mount(read));
            Assert.AreEqual((byte)1, read[0]);
        }

        private static int CutPointsOfOneSave()
        {
            RamFileSystem files = new RamFileSystem(2);
            AtomicRecord record = new AtomicRecord(files, "state", Payload);
            record.Save(Filled(1));
            record.Save(Filled(2));
            int before = files.CutPoints;
            record.Save(Filled(3));
            return files.CutPoints - before;
        }

        /// <summary>Saves; false when the power went first.</summary>
        private static bool Save(AtomicRecord record, byte[] payload)
        {
            try
            {
                return record.Save(payload);
            }
            catch (PowerCutException)
            {
                return false;
            }
        }

        private static byte[] Filled(byte value)
        {
            return Hex.Repeat(value, Payload);
        }
    }
}
