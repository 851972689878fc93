using LockFirmware.Ports;

namespace LockFirmware.Storage
{
    /// <summary>
    /// The append-only audit log: 32-byte records with CRCs in a ring of flash sectors. Each
    /// sector starts with a header carrying its generation, so after any power cut the ring's
    /// order is known again; a torn record fails its CRC and is skipped, never read back.
    /// When the ring is full the oldest sector is erased: its records should have been
    /// acknowledged by then; those that were not are counted as dropped, never hidden.
    /// The ring rotates through every sector in turn, which levels the wear.
    /// </summary>
    public sealed class AuditLog
    {
        private const uint SectorMagic = 0x31445541; // "AUD1"
        private const int HeaderMagicOffset = 0;
        private const int HeaderGenerationOffset = 4;

        private readonly IFlash _flash;
        private readonly int _firstSector;
        private readonly int _sectorCount;
        private readonly int _slotsPerSector;
        private readonly byte[] _record = new byte[AuditRecord.Size];
        private readonly byte[] _scan = new byte[AuditRecord.Size];

        private int _currentSector;
        private int _nextSlot;
        private uint _generation;

        /// <param name="firstSector">First flash sector of the log's region.</param>
        /// <param name="sectorCount">Sectors in the region (at least 2).</param>
        public AuditLog(IFlash flash, int firstSector, int sectorCount)
        {
            _flash = flash;
            _firstSector = firstSector;
            _sectorCount = sectorCount;
            // Slot 0 of every sector is its header.
            _slotsPerSector = flash.SectorSize / AuditRecord.Size;
        }

        /// <summary>Sequence number the next record will get.</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Records the log can hold: all sectors but the one being refilled.</summary>
        public int Capacity
        {
            get { return (_sectorCount - 1) * (_slotsPerSector - 1); }
        }

        /// <summary>Records ever lost because the ring overwrote them before they were acknowledged; the owner persists it.</summary>
        public uint Dropped { get; set; }

        /// <summary>Highest sequence acknowledged by the backend; the owner persists it (ConfigStore).</summary>
        public uint AcknowledgedUpTo { get; set; }

        /// <summary>Finds the ring's state after boot; formats an empty or unreadable region.</summary>
        public void Mount()
        {
            int newest = -1;
            uint newestGeneration = 0;
            for (int s = 0; s < _sectorCount; s++)
            {
                uint generation;
                if (ReadHeader(s, out generation) && (newest < 0 || generation > newestGeneration))
                {
                    newest = s;
                    newestGeneration = generation;
                }
            }

            NextSequence = 1;
            if (newest < 0)
            {
                _generation = 0;
                StartSector(0);
                return;
            }

            _currentSector = newest;
            _generation = newestGeneration;
            _nextSlot = _slotsPerSector;
            for (int slot = 1; slot < _slotsPerSector; slot++)
            {
                ReadSlot(newest, slot, _scan);
                if (Bytes.IsErased(_scan, 0, AuditRecord.Size))
                {
                    _nextSlot = slot;
                    break;
                }
            }

            uint last = HighestSequence();
            NextSequence = last + 1;
        }

        /// <summary>
        /// Appends a record and returns its sequence number once it is in flash. No allocation:
        /// the record is built in a buffer the log owns.
        /// </summary>
        public uint Append(uint time, AuditEvent kind, byte result, int batteryMillivolts, uint keyId, uint userId, int motorOnTimeMs, uint detail)
        {
            if (_nextSlot >= _slotsPerSector)
            {
                AdvanceSector();
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

            int slot = _nextSlot;
            // The slot is consumed even if this write is torn: flash cannot be rewritten in place.
            _nextSlot++;
            _flash.Program(Address(_currentSector, slot), _record, 0, AuditRecord.Size);
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
            for (int i = 1; i <= _sectorCount && copied < maxRecords; i++)
            {
                // Oldest sector first: the one after the current, around the ring.
                int sector = (_currentSector + i) % _sectorCount;
                uint generation;
                if (!ReadHeader(sector, out generation))
                {
                    continue;
                }

                for (int slot = 1; slot < _slotsPerSector && copied < maxRecords; slot++)
                {
                    int target = offset + copied * AuditRecord.Size;
                    ReadSlot(sector, slot, buffer, target);
                    if (AuditRecord.IsValid(buffer, target) && AuditRecord.Sequence(buffer, target) >= fromSequence)
                    {
                        copied++;
                    }
                }
            }

            return copied;
        }

        private void AdvanceSector()
        {
            int next = (_currentSector + 1) % _sectorCount;
            Dropped += (uint)CountUnacknowledged(next);
            StartSector(next);
        }

        /// <summary>Erases the sector and writes its header; a cut in between leaves a sector without header, i.e. free.</summary>
        private void StartSector(int sector)
        {
            _flash.Erase(_firstSector + sector);
            _generation++;
            Bytes.WriteUInt32(_record, HeaderMagicOffset, SectorMagic);
            Bytes.WriteUInt32(_record, HeaderGenerationOffset, _generation);
            for (int i = 8; i < AuditRecord.CrcOffset; i++)
            {
                _record[i] = 0xFF;
            }

            AuditRecord.Seal(_record, 0);
            _flash.Program(Address(sector, 0), _record, 0, AuditRecord.Size);
            _currentSector = sector;
            _nextSlot = 1;
        }

        private bool ReadHeader(int sector, out uint generation)
        {
            ReadSlot(sector, 0, _scan);
            generation = Bytes.ReadUInt32(_scan, HeaderGenerationOffset);
            return Bytes.ReadUInt32(_scan, HeaderMagicOffset) == SectorMagic && AuditRecord.IsValid(_scan, 0);
        }

        private uint HighestSequence()
        {
            uint highest = 0;
            for (int sector = 0; sector < _sectorCount; sector++)
            {
                uint generation;
                if (!ReadHeader(sector, out generation))
                {
                    continue;
                }

                for (int slot = 1; slot < _slotsPerSector; slot++)
                {
                    ReadSlot(sector, slot, _scan);
                    if (AuditRecord.IsValid(_scan, 0) && AuditRecord.Sequence(_scan, 0) > highest)
                    {
                        highest = AuditRecord.Sequence(_scan, 0);
                    }
                }
            }

            return highest;
        }

        private int CountUnacknowledged(int sector)
        {
            uint generation;
            if (!ReadHeader(sector, out generation))
            {
                return 0;
            }

            int count = 0;
            for (int slot = 1; slot < _slotsPerSector; slot++)
            {
                ReadSlot(sector, slot, _scan);
                if (AuditRecord.IsValid(_scan, 0) && AuditRecord.Sequence(_scan, 0) > AcknowledgedUpTo)
                {
                    count++;
                }
            }

            return count;
        }

        private void ReadSlot(int sector, int slot, byte[] into)
        {
            ReadSlot(sector, slot, into, 0);
        }

        private void ReadSlot(int sector, int slot, byte[] into, int offset)
        {
            _flash.Read(Address(sector, slot), into, offset, AuditRecord.Size);
        }

        private int Address(int sector, int slot)
        {
            return (_firstSector + sector) * _flash.SectorSize + slot * AuditRecord.Size;
        }

        private static int Clamp16(int value)
        {
            return value < 0 ? 0 : (value > 0xFFFF ? 0xFFFF : value);
        }
    }
}
