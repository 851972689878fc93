namespace LockFirmware.Ports
{
    /// <summary>
    /// The lock's files on the device's flash file system, at the level nanoFramework exposes
    /// it (System.IO.FileSystem over LittleFS on drive I: of the ESP32). What it promises is
    /// what LittleFS promises (littlefs README/DESIGN.md, "power-loss resilience"): a file's new
    /// contents reach flash only when the file is closed, and that commit is atomic, so after a
    /// power cut at any moment a file reads as it was at its last commit. A flush is not a
    /// commit (nf-interpreter targets/ESP32/_littlefs: Flush maps to fflush, which leaves the
    /// data in LittleFS's cache), so the port offers none: every write is one open, write,
    /// close. Names are plain file names; the adapter chooses the drive.
    /// Calls return false on a storage error (file system full or failing) and then change
    /// nothing that was committed.
    /// </summary>
    public interface IFileSystem
    {
        bool Exists(string name);

        /// <summary>Length of the file as last committed; -1 when it does not exist.</summary>
        int Length(string name);

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/>; returns how many were read (0 when absent or past the end).</summary>
        int Read(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>
        /// Opens the file (creating it when absent), writes the bytes at <paramref name="position"/>
        /// and closes it. When it returns true the new bytes are committed; a power cut before
        /// that leaves the file as at its last commit (a file created by this call may then
        /// exist, empty).
        /// </summary>
        bool Write(string name, int position, byte[] buffer, int offset, int count);

        /// <summary>Removes the file (atomic); true also when it did not exist.</summary>
        bool Delete(string name);

        /// <summary>
        /// Renames a file (atomic). As nanoFramework's File.Move, it refuses (false) when the
        /// target exists, so it cannot replace a file in one step.
        /// </summary>
        bool Rename(string from, string to);
    }
}
