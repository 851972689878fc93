using System;
using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The lock's flash file system in RAM, with the semantics the storage port promises
    /// (Ports/IFileSystem, after LittleFS: littlefs README and DESIGN.md, "power-loss
    /// resilience"): bytes written reach the file only when the write's close commits them, the
    /// commit is atomic, and a file created by a write exists (empty) from its open on. Delete
    /// and rename are atomic; rename refuses an existing target as nanoFramework's File.Move does.
    ///
    /// Power can be cut at a chosen cut point, numbered as they are passed: before every
    /// operation, after a write created its file, after the bytes went into the open file (not
    /// yet committed), and after the commit landed but before the call returned. The cut throws
    /// <see cref="PowerCutException"/>; the volume then refuses every call until
    /// <see cref="Mount"/> (the next power-up), and holds what was committed.
    ///
    /// Sized for the device's heap: a fixed table of files, each at most
    /// <see cref="MaxFileBytes"/>. A file's buffer grows by doubling as the file does and is
    /// kept for the next file in its slot after a delete, so writes stop allocating once the
    /// files have reached their sizes. A write past the size or the table is refused (false),
    /// as a full volume refuses it.
    /// </summary>
    public sealed class RamFileSystem : IFileSystem
    {
        /// <summary>The largest file the lock writes: a port unit's revocation record (1 042 bytes; an audit segment is 512).</summary>
        public const int MaxFileBytes = 1088;

        private const int NoCut = -1;

        private readonly string[] _names;
        private readonly byte[][] _data;
        private readonly int[] _lengths;
        private int _cutAt = NoCut;
        private bool _powered = true;

        /// <param name="maxFiles">Files the volume can hold at once.</param>
        public RamFileSystem(int maxFiles)
        {
            _names = new string[maxFiles];
            _data = new byte[maxFiles][];
            _lengths = new int[maxFiles];
        }

        /// <summary>Cut points passed so far.</summary>
        public int CutPoints { get; private set; }

        /// <summary>Files on the volume.</summary>
        public int FileCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _names.Length; i++)
                {
                    if (_names[i] != null)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>Arms a power cut when cut point <paramref name="point"/> is reached.</summary>
        public void CutPowerAt(int point)
        {
            _cutAt = point;
        }

        /// <summary>Power-up: the volume answers again, with what was committed; no cut is armed.</summary>
        public void Mount()
        {
            _powered = true;
            _cutAt = NoCut;
        }

        /// <summary>
        /// What nanoFramework does with a volume it cannot mount (format-if-mount-fails,
        /// nf-interpreter targetHAL_ConfigStorageLittlefs.c): every file gone.
        /// </summary>
        public void Format()
        {
            for (int i = 0; i < _names.Length; i++)
            {
                _names[i] = null;
                _lengths[i] = 0;
            }
        }

        /// <summary>Flips bits of one committed byte, as failing flash would (LittleFS checksums metadata, not file data).</summary>
        public void Corrupt(string name, int position)
        {
            int slot = Find(name);
            _data[slot][position] ^= 0x5A;
        }

        public bool Exists(string name)
        {
            Point();
            return Find(name) >= 0;
        }

        public int Length(string name)
        {
            Point();
            int slot = Find(name);
            return slot < 0 ? -1 : _lengths[slot];
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            Point();
            int slot = Find(name);
            if (slot < 0 || position >= _lengths[slot])
            {
                return 0;
            }

            int read = _lengths[slot] - position < count ? _lengths[slot] - position : count;
            Array.Copy(_data[slot], position, buffer, offset, read);
            return read;
        }

        public bool Write(string name, int position, byte[] buffer, int offset, int count)
        {
            Point();
            if (position + count > MaxFileBytes)
            {
                return false;
            }

            int slot = Find(name);
            if (slot < 0)
            {
                slot = Create(name);
                if (slot < 0)
                {
                    return false;
                }

                Point();
            }

            // The bytes are in the open file only: a cut here leaves the last commit.
            Point();
            // The close: the commit lands whole, with no cut point inside it.
            Reserve(slot, position + count);
            Array.Copy(buffer, offset, _data[slot], position, count);
            if (position + count > _lengths[slot])
            {
                // A gap left by writing past the end reads as zeros, as in LittleFS.
                for (int i = _lengths[slot]; i < position; i++)
                {
                    _data[slot][i] = 0;
                }

                _lengths[slot] = position + count;
            }

            Point();
            return true;
        }

        public bool Delete(string name)
        {
            Point();
            int slot = Find(name);
            if (slot >= 0)
            {
                _names[slot] = null;
                _lengths[slot] = 0;
                Point();
            }

            return true;
        }

        public bool Rename(string from, string to)
        {
            Point();
            int slot = Find(from);
            if (slot < 0 || Find(to) >= 0)
            {
                return false;
            }

            _names[slot] = to;
            Point();
            return true;
        }

        private int Find(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] != null && _names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>An empty file in a free slot; its buffer is what an earlier file there left.</summary>
        private int Create(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == null)
                {
                    _names[i] = name;
                    _lengths[i] = 0;
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Makes the slot's buffer hold at least <paramref name="length"/> bytes, keeping what it holds.</summary>
        private void Reserve(int slot, int length)
        {
            byte[] old = _data[slot];
            if (old != null && old.Length >= length)
            {
                return;
            }

            // Doubling keeps a file growing record by record to a few allocations; a file
            // written whole at once (a revocation record) gets its size in one.
            int size = old == null ? 64 : old.Length * 2;
            if (size < length)
            {
                size = (length + 63) / 64 * 64;
            }

            byte[] grown = new byte[size];
            if (old != null)
            {
                Array.Copy(old, grown, _lengths[slot]);
            }

            _data[slot] = grown;
        }

        private void Point()
        {
            if (!_powered)
            {
                throw new InvalidOperationException("the volume has no power: mount it first");
            }

            if (CutPoints == _cutAt)
            {
                CutPoints++;
                _powered = false;
                throw new PowerCutException();
            }

            CutPoints++;
        }
    }
}
