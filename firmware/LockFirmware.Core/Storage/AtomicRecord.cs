using LockFirmware.Ports;

namespace LockFirmware.Storage
{
    /// <summary>
    /// A small named record (a state, the pairing, a unit identity) saved atomically in two
    /// generation files, NAME.a and NAME.b, each one whole copy with a generation number and a
    /// CRC-32. A save rewrites the file that does not hold the newest copy and commits it by
    /// closing it; the newest valid copy wins at mount.
    ///
    /// Why two generations and not write-new-then-rename: nanoFramework's File.Move refuses an
    /// existing target, so replacing a file by rename takes a delete and a move, two commits
    /// with a window between them. A LittleFS commit of one file is atomic by itself, so a
    /// rewrite closed in place is already old-or-new after a cut; the second file keeps the
    /// previous copy readable if the newest one is ever found damaged (LittleFS checksums its
    /// metadata but not file data: littlefs DESIGN.md), and the CRC catches that. A copy below
    /// LittleFS's inline limit (every record but a port unit's revocations, StorageLayout.RevokedName)
    /// saves as one metadata commit; a larger one rewrites its data block and commits on close.
    /// </summary>
    public sealed class AtomicRecord
    {
        /// <summary>Bytes a copy spends on its magic, generation and CRC.</summary>
        public const int Overhead = 12;

        private const uint Magic = 0x31434552; // "REC1"
        private const int GenerationOffset = 4;
        private const int PayloadOffset = 8;

        private readonly IFileSystem _files;
        private readonly string[] _names = new string[2];
        private readonly byte[] _image;
        private readonly int _crcOffset;

        private uint _generation;
        private int _newest = -1;

        /// <param name="name">File name stem, unique per record (the files are NAME.a and NAME.b).</param>
        /// <param name="payloadSize">Bytes of payload a copy carries.</param>
        public AtomicRecord(IFileSystem files, string name, int payloadSize)
        {
            _files = files;
            _names[0] = name + ".a";
            _names[1] = name + ".b";
            PayloadSize = payloadSize;
            _crcOffset = PayloadOffset + payloadSize;
            _image = new byte[_crcOffset + 4];
        }

        public int PayloadSize { get; private set; }

        /// <summary>
        /// Reads the newest valid copy into <paramref name="payload"/>; leaves it untouched
        /// unless the answer is Found.
        /// </summary>
        public RecordState Mount(byte[] payload)
        {
            _newest = -1;
            _generation = 0;
            bool damaged = false;
            for (int i = 0; i < 2; i++)
            {
                int length = _files.Length(_names[i]);
                if (length <= 0)
                {
                    continue;
                }

                if (length != _image.Length || _files.Read(_names[i], 0, _image, 0, _image.Length) != _image.Length || !IsValid())
                {
                    damaged = true;
                    continue;
                }

                uint generation = Bytes.ReadUInt32(_image, GenerationOffset);
                if (_newest < 0 || generation > _generation)
                {
                    _newest = i;
                    _generation = generation;
                    for (int b = 0; b < PayloadSize; b++)
                    {
                        payload[b] = _image[PayloadOffset + b];
                    }
                }
            }

            if (_newest >= 0)
            {
                return RecordState.Found;
            }

            return damaged ? RecordState.Damaged : RecordState.Missing;
        }

        /// <summary>Commits a new copy; when it returns true, a reader after any power cut gets this copy.</summary>
        public bool Save(byte[] payload)
        {
            int target = _newest == 0 ? 1 : 0;
            string name = _names[target];
            int length = _files.Length(name);
            if (length > _image.Length && !_files.Delete(name))
            {
                // A longer file (never written by us) would keep a tail a same-size rewrite leaves behind.
                return false;
            }

            Bytes.WriteUInt32(_image, 0, Magic);
            Bytes.WriteUInt32(_image, GenerationOffset, _generation + 1);
            for (int i = 0; i < PayloadSize; i++)
            {
                _image[PayloadOffset + i] = payload[i];
            }

            Bytes.WriteUInt32(_image, _crcOffset, Crc32.Compute(_image, 0, _crcOffset));
            if (!_files.Write(name, 0, _image, 0, _image.Length))
            {
                return false;
            }

            _generation++;
            _newest = target;
            return true;
        }

        private bool IsValid()
        {
            return Bytes.ReadUInt32(_image, 0) == Magic
                && Crc32.Compute(_image, 0, _crcOffset) == Bytes.ReadUInt32(_image, _crcOffset);
        }
    }
}
