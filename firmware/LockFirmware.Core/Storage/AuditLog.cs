using LockFirmware.Ports;

namespace LockFirmware.Storage
{
    /// <summary>
    /// The append-only audit log: 32-byte records with sequence numbers and CRCs in a ring of
    /// small segment files. An append opens the current segment, writes the record after the
    /// last one and closes it: LittleFS commits it atomically, so once Append returns the
    /// record survives any power cut, and a cut before that leaves the segment as it was.
    /// A segment (16 records, 512 bytes) stays within LittleFS's inline limit (esp_littlefs's
    /// 512-byte cache, littlefs SPEC.md "inline struct"), so an append is one metadata commit
    /// and never a copy of a 4 KiB data block.
    /// When the current segment is full the next one in the ring is deleted and refilled.
    /// Records lost that way before the backend acknowledged them are counted as dropped: the
    /// count follows from the sequence numbers (a gap below the oldest record left), so it
    /// holds after any cut without an extra write. The ring moves through every segment in
    /// turn; LittleFS levels the wear of the blocks underneath.
    /// The segment index lives in RAM (built at mount), so an append reads nothing and
    /// allocates nothing.
    /// </summary>
    public sealed class AuditLog
    {
        private readonly IFileSystem _files;
        private readonly string[] _segments;
        private readonly int _recordsPerSegment;
        private readonly uint[] _first;
        private readonly uint[] _last;
        private readonly byte[] _record = new byte[AuditRecord.Size];
        private readonly byte[] _segment;

        private int _current;
        private int _nextSlot;
        private uint _droppedEarlier;

        /// <param name="prefix">File name stem of the segments (PREFIX00, PREFIX01, ...).</param>
        /// <param name="segmentCount">Segments in the ring (at least 2).</param>
        /// <param name="recordsPerSegment">Records per segment file.</param>
        public AuditLog(IFileSystem files, string prefix, int segmentCount, int recordsPerSegment)
        {
            _files = files;
            _recordsPerSegment = recordsPerSegment;
            _segments = SegmentNames.For(prefix, segmentCount);

            _first = new uint[segmentCount];
            _last = new uint[segmentCount];
            _segment = new byte[recordsPerSegment * AuditRecord.Size];
        }

        /// <summary>Sequence number the next record will get.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Records the log always keeps: every segment but the one being refilled.</summary>
        public int Capacity
        {
            get { return (_segments.Length - 1) * _recordsPerSegment; }
        }

        /// <summary>Highest sequence acknowledged by the backend; persisted by the owner (LockMemory).</summary>
        public uint AcknowledgedUpTo { get; private set; }

        /// <summary>Drops already folded in at earlier acknowledgements; persisted by the owner.</summary>
        public uint DroppedEarlier
        {
            get { return _droppedEarlier; }
        }

        /// <summary>Records ever lost because the ring overwrote them before they were acknowledged.</summary>
        public uint Dropped
        {
            get { return _droppedEarlier + UnacknowledgedLost(); }
        }

        /// <summary>What the owner kept in its state: call before <see cref="Mount"/>.</summary>
        public void Restore(uint acknowledgedUpTo, uint droppedEarlier)
        {
            AcknowledgedUpTo = acknowledgedUpTo;
            _droppedEarlier = droppedEarlier;
        }

        /// <summary>Reads every segment once and builds the index; returns the records found.</summary>
        public int Mount()
        {
            int found = 0;
            int current = -1;
            uint highest = 0;
            _nextSlot = 0;
            for (int s = 0; s < _segments.Length; s++)
            {
                _first[s] = 0;
                _last[s] = 0;
                int length = _files.Length(_segments[s]);
                if (length <= 0)
                {
                    continue;
                }

                int slots = (length + AuditRecord.Size - 1) / AuditRecord.Size;
                int read = _files.Read(_segments[s], 0, _segment, 0, _segment.Length);
                for (int slot = 0; slot * AuditRecord.Size + AuditRecord.Size <= read; slot++)
                {
                    int at = slot * AuditRecord.Size;
                    if (!AuditRecord.IsValid(_segment, at))
                    {
                        continue;
                    }

                    uint sequence = AuditRecord.Sequence(_segment, at);
                    found++;
                    if (_first[s] == 0)
                    {
                        _first[s] = sequence;
                    }

                    _last[s] = sequence;
                    if (sequence > highest)
                    {
                        highest = sequence;
                        current = s;
                        _nextSlot = slots;
                    }
                }
            }

            _current = current < 0 ? 0 : current;
            // Sequences continue past what the backend acknowledged even if the log was lost.
            NextSequence = (highest > AcknowledgedUpTo ? highest : AcknowledgedUpTo) + 1;
            return found;
        }

        /// <summary>
        /// Appends a record and returns its sequence number once it is committed; 0 when the
        /// file system refused it (full or failing: nothing changed). No allocation.
        /// </summary>
        public uint Append(uint time, AuditEvent kind, byte result, int batteryMillivolts, uint keyId, uint userId, int motorOnTimeMs, uint detail)
        {
            if (_nextSlot >= _recordsPerSegment && !AdvanceSegment())
            {
                return 0;
            }

            uint sequence = NextSequence;
            Bytes.WriteUInt32(_record, AuditRecord.SequenceOffset, sequence);
            Bytes.WriteUInt32(_record, AuditRecord.TimeOffset, time);
            _record[AuditRecord.EventOffset] = (byte)kind;
            _record[AuditRecord.ResultOffset] = result;
            Bytes.WriteUInt16(_record, AuditRecord.BatteryMillivoltsOffset, Clamp16(batteryMillivolts));
            Bytes.WriteUInt32(_record, AuditRecord.KeyIdOffset, keyId);
            Bytes.WriteUInt32(_record, AuditRecord.UserIdOffset, userId);
            Bytes.WriteUInt16(_record, AuditRecord.MotorOnTimeOffset, Clamp16(motorOnTimeMs));
            Bytes.WriteUInt32(_record, AuditRecord.DetailOffset, detail);
            _record[26] = 0xFF;
            _record[27] = 0xFF;
            AuditRecord.Seal(_record, 0);

            if (!_files.Write(_segments[_current], _nextSlot * AuditRecord.Size, _record, 0, AuditRecord.Size))
            {
                return 0;
            }

            _nextSlot++;
            if (_first[_current] == 0)
            {
                _first[_current] = sequence;
            }

            _last[_current] = sequence;
            NextSequence = sequence + 1;
            return sequence;
        }

        /// <summary>
        /// Copies up to <paramref name="maxRecords"/> valid records with sequence ≥
        /// <paramref name="fromSequence"/>, oldest first, into <paramref name="buffer"/>
        /// (32 bytes each). Returns how many were copied.
        /// </summary>
        public int ReadSince(uint fromSequence, byte[] buffer, int maxRecords)
        {
            return ReadSince(fromSequence, buffer, 0, maxRecords);
        }

        /// <summary>As <see cref="ReadSince(uint, byte[], int)"/>, writing from <paramref name="offset"/>.</summary>
        public int ReadSince(uint fromSequence, byte[] buffer, int offset, int maxRecords)
        {
            int copied = 0;
            for (int i = 1; i <= _segments.Length && copied < maxRecords; i++)
            {
                // Oldest segment first: the one after the current, around the ring.
                int s = (_current + i) % _segments.Length;
                if (_last[s] == 0 || _last[s] < fromSequence)
                {
                    continue;
                }

                int read = _files.Read(_segments[s], 0, _segment, 0, _segment.Length);
                for (int at = 0; at + AuditRecord.Size <= read && copied < maxRecords; at += AuditRecord.Size)
                {
                    if (AuditRecord.IsValid(_segment, at) && AuditRecord.Sequence(_segment, at) >= fromSequence)
                    {
                        int target = offset + copied * AuditRecord.Size;
                        for (int b = 0; b < AuditRecord.Size; b++)
                        {
                            buffer[target + b] = _segment[at + b];
                        }

                        copied++;
                    }
                }
            }

            return copied;
        }

        /// <summary>
        /// The backend has the records up to <paramref name="sequence"/>. Folds the records lost
        /// so far into the dropped count; true when something changed (the owner then saves).
        /// </summary>
        public bool Acknowledge(uint sequence)
        {
            if (sequence <= AcknowledgedUpTo || sequence >= NextSequence)
            {
                return false;
            }

            _droppedEarlier += UnacknowledgedLost();
            uint lostBelow = LostBelow();
            AcknowledgedUpTo = sequence > lostBelow ? sequence : lostBelow;
            return true;
        }

        private bool AdvanceSegment()
        {
            int next = (_current + 1) % _segments.Length;
            if (!_files.Delete(_segments[next]))
            {
                return false;
            }

            _first[next] = 0;
            _last[next] = 0;
            _current = next;
            _nextSlot = 0;
            return true;
        }

        /// <summary>Sequences below the oldest record still in the ring.</summary>
        private uint LostBelow()
        {
            uint oldest = 0;
            for (int s = 0; s < _segments.Length; s++)
            {
                if (_first[s] != 0 && (oldest == 0 || _first[s] < oldest))
                {
                    oldest = _first[s];
                }
            }

            return oldest == 0 ? NextSequence - 1 : oldest - 1;
        }

        private uint UnacknowledgedLost()
        {
            uint lostBelow = LostBelow();
            return lostBelow > AcknowledgedUpTo ? lostBelow - AcknowledgedUpTo : 0;
        }

        private static int Clamp16(int value)
        {
            return value < 0 ? 0 : (value > 0xFFFF ? 0xFFFF : value);
        }
    }
}
