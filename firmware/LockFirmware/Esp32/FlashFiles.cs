using System;
using System.Collections;
using System.IO;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The lock's files on nanoFramework's internal file system: LittleFS on the ESP32's
    /// "config" partition, mounted as drive I: (nf-interpreter targets/ESP32/_common/
    /// targetHAL_ConfigStorageLittlefs.c, with format_if_mount_failed set: a damaged volume
    /// comes back empty, which the lock reports as StorageHealth.Blank).
    /// Every write opens the file, writes and closes it, because only the close commits:
    /// FileStream.Flush ends in fflush (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp), which
    /// hands the bytes to LittleFS's cache without syncing the file, so flushed data is still
    /// lost at a power cut. Each call allocates its FileStream; that is the device's cost of
    /// a commit (the portable stores above allocate nothing).
    /// </summary>
    public sealed class FlashFiles : IFileSystem
    {
        private readonly string _root;
        private readonly Hashtable _paths = new Hashtable();

        /// <param name="root">Drive and folder, e.g. "I:\\".</param>
        public FlashFiles(string root)
        {
            _root = root;
        }

        public bool Exists(string name)
        {
            return File.Exists(PathOf(name));
        }

        public int Length(string name)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return -1;
            }

            return (int)new FileInfo(path).Length;
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return 0;
            }

            FileStream file = null;
            try
            {
                file = new FileStream(path, FileMode.Open, FileAccess.Read);
                if (position >= file.Length)
                {
                    return 0;
                }

                file.Seek(position, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int read = file.Read(buffer, offset + done, count - done);
                    if (read <= 0)
                    {
                        break;
                    }

                    done += read;
                }

                return done;
            }
            catch (Exception)
            {
                return 0;
            }
            finally
            {
                if (file != null)
                {
                    file.Dispose();
                }
            }
        }

        public bool Write(string name, int position, byte[] buffer, int offset, int count)
        {
            FileStream file = null;
            try
            {
                file = new FileStream(PathOf(name), FileMode.OpenOrCreate, FileAccess.ReadWrite);
                file.Seek(position, SeekOrigin.Begin);
                file.Write(buffer, offset, count);
                // The commit: LittleFS syncs the file when it is closed.
                file.Close();
                file = null;
                return true;
            }
            catch (Exception)
            {
                return false;
            }
            finally
            {
                if (file != null)
                {
                    file.Dispose();
                }
            }
        }

        public bool Delete(string name)
        {
            try
            {
                File.Delete(PathOf(name));
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public bool Rename(string from, string to)
        {
            try
            {
                string target = PathOf(to);
                if (File.Exists(target))
                {
                    return false;
                }

                File.Move(PathOf(from), target);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>The full path, built once per name so steady-state calls do not concatenate strings.</summary>
        private string PathOf(string name)
        {
            string path = (string)_paths[name];
            if (path == null)
            {
                path = _root + name;
                _paths[name] = path;
            }

            return path;
        }
    }
}
