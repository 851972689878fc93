using System;
using LockFirmware.Ports;
using LockFirmware.Storage;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>The lock's flash region in RAM, with NOR rules (erase to 0xFF, programming clears bits) but no wear or power cuts.</summary>
public sealed class RamFlash : IFlash
{
    private readonly byte[] _memory;

    public RamFlash()
    {
        _memory = new byte[SectorCount * SectorSize];
        Array.Fill(_memory, (byte)0xFF);
    }

    public int SectorSize => 4096;

    public int SectorCount => StorageLayout.RegionSectors;

    public int PageSize => 256;

    public void Read(int address, byte[] buffer, int offset, int count) => _memory.AsSpan(address, count).CopyTo(buffer.AsSpan(offset));

    public void Program(int address, byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _memory[address + i] &= buffer[offset + i];
        }
    }

    public void Erase(int sector) => _memory.AsSpan(sector * SectorSize, SectorSize).Fill(0xFF);
}
