using LockFirmware.Ports;

namespace LockFirmware.Storage
{
    /// <summary>
    /// A small blob (the lock's safety state and configuration) updated atomically: every
    /// update appends a whole new copy with a generation number and a CRC to one of two
    /// sectors; the newest valid copy wins. A copy torn by power loss fails its CRC, so a
    /// reader after any cut sees the old value or the new one, never a mix. When a sector is
    /// full the other is erased and the copy goes there, so the previous copy survives the
    /// erase and each sector is erased once per (sector size / slot size) updates.
    /// </summary>
    public sealed class ConfigStore
    {
        /// <summary>Bytes a copy spends on its magic, generation and CRC.</summary>
        public const int Overhead = 12;

        private const uint Magic = 0x31474643; // "CFG1"
        private const int MagicOffset = 0;
        private const int GenerationOffset = 4;
        private const int PayloadOffset = 8;

        private readonly IFlash _flash;
        private readonly int _firstSector;
        private readonly int _slotsPerSector;
        private readonly int _slotSize;
        private readonly int _crcOffset;
        private readonly byte[] _slot;

        private int _sector;
        private int _nextSlot;
        private uint _generation;

        /// <param name="firstSector">First of the two flash sectors the store owns.</param>
        /// <param name="slotSize">Bytes per copy: a power of two up to the flash page, so a copy never crosses a page.</param>
        public ConfigStore(IFlash flash, int firstSector, int slotSize)
        {
            _flash = flash;
            _firstSector = firstSector;
            _slotSize = slotSize;
            PayloadSize = slotSize - Overhead;
            _crcOffset = PayloadOffset + PayloadSize;
            _slot = new byte[slotSize];
            _slotsPerSector = flash.SectorSize / slotSize;
        }

        /// <summary>Bytes of payload a copy carries.</summary>
        public int PayloadSize { get; private set; }

        /// <summary>
        /// Finds the newest valid copy and copies its payload into <paramref name="payload"/>.
        /// Returns false when there is none (a new unit): the payload is left untouched.
        /// </summary>
        public bool Mount(byte[] payload)
        {
            bool found = false;
            _generation = 0;
            _sector = 0;
            _nextSlot = _slotsPerSector; // forces a fresh sector on the first save when empty
            for (int sector = 0; sector < 2; sector++)
            {
                for (int slot = 0; slot < _slotsPerSector; slot++)
                {
                    Read(sector, slot);
                    if (!IsValid())
                    {
                        continue;
                    }

                    uint generation = Bytes.ReadUInt32(_slot, GenerationOffset);
                    if (!found || generation > _generation)
                    {
                        found = true;
                        _generation = generation;
                        _sector = sector;
                        for (int i = 0; i < PayloadSize; i++)
                        {
                            payload[i] = _slot[PayloadOffset + i];
                        }
                    }
                }
            }

            if (found)
            {
                _nextSlot = FirstUnwrittenSlot(_sector);
            }

            return found;
        }

        /// <summary>Stores a new copy; when it returns, a reader after any power cut gets this copy.</summary>
        public void Save(byte[] payload)
        {
            if (_nextSlot >= _slotsPerSector)
            {
                _sector = 1 - _sector;
                _flash.Erase(_firstSector + _sector);
                _nextSlot = 0;
            }

            _generation++;
            Bytes.WriteUInt32(_slot, MagicOffset, Magic);
            Bytes.WriteUInt32(_slot, GenerationOffset, _generation);
            for (int i = 0; i < PayloadSize; i++)
            {
                _slot[PayloadOffset + i] = payload[i];
            }

            Bytes.WriteUInt32(_slot, _crcOffset, Crc32.Compute(_slot, 0, _crcOffset));
            int slot = _nextSlot;
            _nextSlot++;
            _flash.Program(Address(_sector, slot), _slot, 0, _slotSize);
        }

        private int FirstUnwrittenSlot(int sector)
        {
            // Slots after the last written one; a torn slot counts as written (it cannot be reused).
            int next = 0;
            for (int slot = 0; slot < _slotsPerSector; slot++)
            {
                Read(sector, slot);
                if (!Bytes.IsErased(_slot, 0, _slotSize))
                {
                    next = slot + 1;
                }
            }

            return next;
        }

        private bool IsValid()
        {
            return Bytes.ReadUInt32(_slot, MagicOffset) == Magic
                && Crc32.Compute(_slot, 0, _crcOffset) == Bytes.ReadUInt32(_slot, _crcOffset);
        }

        private void Read(int sector, int slot)
        {
            _flash.Read(Address(sector, slot), _slot, 0, _slotSize);
        }

        private int Address(int sector, int slot)
        {
            return (_firstSector + sector) * _flash.SectorSize + slot * _slotSize;
        }
    }
}
