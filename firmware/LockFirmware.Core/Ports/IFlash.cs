namespace LockFirmware.Ports
{
    /// <summary>
    /// A region of NOR flash: erasing a sector sets every byte to 0xFF; programming can only
    /// clear bits (1 → 0) and must stay within one page; each sector survives a bounded number
    /// of erases. Everything the lock must keep across power loss is written through this.
    /// A write interrupted by power loss leaves a partial result, which the stores detect.
    /// </summary>
    public interface IFlash
    {
        int SectorSize { get; }

        int SectorCount { get; }

        /// <summary>Largest programmable unit; a program must not cross a page boundary.</summary>
        int PageSize { get; }

        void Read(int address, byte[] buffer, int offset, int count);

        void Program(int address, byte[] buffer, int offset, int count);

        void Erase(int sector);
    }
}
