using System.IO;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The lock's flash region as one file on nanoFramework's internal flash file system
    /// (drive I:, LittleFS/SPIFFS on the ESP32), with NOR rules applied on top: programming
    /// ANDs the new bytes into the old ones, erasing writes 0xFF. nanoFramework exposes no raw
    /// partition API, and the file system's own power-safety means a write lands whole or
    /// not at all — stricter than bare NOR, so the stores' torn-write checks still hold.
    /// </summary>
    public sealed class FileFlash : IFlash
    {
        private const int Sector = 4096;
        private const int Page = 256;

        private readonly FileStream _file;
        private readonly int _sectors;
        private readonly byte[] _page = new byte[Page];

        public FileFlash(string path, int sectors)
        {
            _sectors = sectors;
            bool exists = File.Exists(path);
            _file = new FileStream(path, exists ? FileMode.Open : FileMode.Create, FileAccess.ReadWrite);
            if (!exists || _file.Length != (long)sectors * Sector)
            {
                for (int s = 0; s < sectors; s++)
                {
                    Erase(s);
                }
            }
        }

        public int SectorSize
        {
            get { return Sector; }
        }

        public int SectorCount
        {
            get { return _sectors; }
        }

        public int PageSize
        {
            get { return Page; }
        }

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            _file.Seek(address, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int read = _file.Read(buffer, offset + done, count - done);
                if (read <= 0)
                {
                    break;
                }

                done += read;
            }
        }

        public void Program(int address, byte[] buffer, int offset, int count)
        {
            Read(address, _page, 0, count);
            for (int i = 0; i < count; i++)
            {
                _page[i] &= buffer[offset + i];
            }

            _file.Seek(address, SeekOrigin.Begin);
            _file.Write(_page, 0, count);
            _file.Flush();
        }

        public void Erase(int sector)
        {
            for (int i = 0; i < Page; i++)
            {
                _page[i] = 0xFF;
            }

            _file.Seek((long)sector * Sector, SeekOrigin.Begin);
            for (int written = 0; written < Sector; written += Page)
            {
                _file.Write(_page, 0, Page);
            }

            _file.Flush();
        }
    }
}
