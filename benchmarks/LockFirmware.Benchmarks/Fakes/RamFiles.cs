using System;
using System.Collections.Generic;
using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>
/// The lock's files in RAM, committed at once, with no cost and no power cuts: what the
/// portable code costs by itself. A file's buffer grows only when it must, so steady-state
/// writes allocate nothing here either.
/// </summary>
public sealed class RamFiles : IFileSystem
{
    private readonly Dictionary<string, byte[]> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lengths = new(StringComparer.Ordinal);

    public bool Exists(string name) => _lengths.ContainsKey(name);

    public int Length(string name) => _lengths.TryGetValue(name, out int length) ? length : -1;

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        if (!_lengths.TryGetValue(name, out int length) || position >= length)
        {
            return 0;
        }

        int read = Math.Min(count, length - position);
        Array.Copy(_buffers[name], position, buffer, offset, read);
        return read;
    }

    public bool Write(string name, int position, byte[] buffer, int offset, int count)
    {
        int end = position + count;
        if (!_buffers.TryGetValue(name, out byte[]? data) || data.Length < end)
        {
            byte[] grown = new byte[Math.Max(end, 512)];
            if (data != null)
            {
                Array.Copy(data, grown, data.Length);
            }

            data = grown;
            _buffers[name] = data;
        }

        Array.Copy(buffer, offset, data, position, count);
        _lengths[name] = Math.Max(end, _lengths.GetValueOrDefault(name));
        return true;
    }

    public bool Delete(string name)
    {
        // The buffer stays for the next file of that name.
        _lengths.Remove(name);
        return true;
    }

    public bool Rename(string from, string to)
    {
        if (!_lengths.TryGetValue(from, out int length) || _lengths.ContainsKey(to))
        {
            return false;
        }

        _buffers[to] = _buffers[from];
        _lengths[to] = length;
        _buffers.Remove(from);
        _lengths.Remove(from);
        return true;
    }
}
