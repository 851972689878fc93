namespace LockFirmware.Storage
{
    /// <summary>What mounting an atomic record found.</summary>
    public enum RecordState
    {
        /// <summary>Never saved (or only created empty by a cut before its first commit).</summary>
        Missing = 0,

        /// <summary>A valid copy was read.</summary>
        Found = 1,

        /// <summary>Files exist but no copy passes its checks: the flash or the file system failed.</summary>
        Damaged = 2
    }
}
