using System;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>
/// NOR flash with the rules of a real chip: erase sets a sector to 0xFF, programming only
/// clears bits and must stay within a page, each sector wears out after a number of erases.
/// A power cut can be armed at any byte of any program or during any erase: the operation
/// then leaves what a chip would leave (the bytes before the cut programmed, the cut byte
/// partly, the rest untouched; an erase part done) and throws <see cref="PowerCutException"/>,
/// which unwinds the firmware as losing power would.
/// </summary>
public sealed class VirtualFlash : IFlash
{
    private readonly byte[] _memory;
    private readonly int[] _erases;
    private readonly Random _random;
    private long _cutAtOperationByte = -1;

    public VirtualFlash(int sectorCount, int sectorSize = 4096, int pageSize = 256, int enduranceCycles = 100_000, int seed = 1)
    {
        SectorCount = sectorCount;
        SectorSize = sectorSize;
        PageSize = pageSize;
        Endurance = enduranceCycles;
        _memory = new byte[sectorCount * sectorSize];
        _erases = new int[sectorCount];
        _random = new Random(seed);
        Array.Fill(_memory, (byte)0xFF);
    }

    public int SectorSize { get; }

    public int SectorCount { get; }

    public int PageSize { get; }

    public int Endurance { get; }

    /// <summary>
    /// Bytes programmed plus erases done so far: every position a power cut can hit. An erase
    /// counts as one position.
    /// </summary>
    public long Operations { get; private set; }

    /// <summary>Raised after a program completes: address, byte count, and <see cref="Operations"/> after it.</summary>
    public event Action<int, int, long>? Programmed;

    /// <summary>Arms a power cut at operation position <paramref name="position"/> (see <see cref="Operations"/>).</summary>
    public void CutPowerAt(long position) => _cutAtOperationByte = position;

    public void Disarm() => _cutAtOperationByte = -1;

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, count);
        Array.Copy(_memory, address, buffer, offset, count);
    }

    public void Program(int address, byte[] buffer, int offset, int count)
    {
        CheckRange(address, count);
        if (address / PageSize != (address + count - 1) / PageSize)
        {
            throw new ArgumentException($"program of {count} bytes at {address} crosses a {PageSize}-byte page");
        }

        for (int i = 0; i < count; i++)
        {
            byte value = buffer[offset + i];
            if (Operations == _cutAtOperationByte)
            {
                // The byte being written when the power went: some of its bits made it.
                byte partial = (byte)(value | (byte)_random.Next(256));
                _memory[address + i] &= partial;
                Operations++;
                throw new PowerCutException();
            }

            // NOR programming can only clear bits.
            _memory[address + i] &= value;
            Operations++;
        }

        Programmed?.Invoke(address, count, Operations);
    }

    public void Erase(int sector)
    {
        if (sector < 0 || sector >= SectorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(sector));
        }

        if (_erases[sector] >= Endurance)
        {
            throw new InvalidOperationException($"sector {sector} worn out after {Endurance} erases");
        }

        _erases[sector]++;
        int start = sector * SectorSize;
        if (Operations == _cutAtOperationByte)
        {
            // Part of the sector erased, part not: what an interrupted erase leaves.
            for (int i = 0; i < SectorSize; i++)
            {
                if (_random.Next(2) == 0)
                {
                    _memory[start + i] = 0xFF;
                }
            }

            Operations++;
            throw new PowerCutException();
        }

        Array.Fill(_memory, (byte)0xFF, start, SectorSize);
        Operations++;
    }

    private void CheckRange(int address, int count)
    {
        if (address < 0 || count < 0 || address + count > _memory.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(address), $"{count} bytes at {address} are outside the flash");
        }
    }
}
