using LockFirmware.Ports;
using LockFirmware.Storage;
using LockSimulator.Budget;
using LockSimulator.Virtual;

namespace LockSimulator.Timing;

/// <summary>
/// The file-system port with the board's time for each operation: what the virtual LittleFS
/// says the operation cost (its erases and programs, priced from BoardBudget) is spent by
/// the managed thread that called it, as a commit on the ESP32 stalls it. An injectable slow
/// commit makes the next write block every managed thread for as long as asked, as a LittleFS
/// commit that has to garbage-collect blocks does.
/// </summary>
internal sealed class TimedFiles : IFileSystem
{
    private readonly VirtualFileSystem _inner;
    private readonly BoardScheduler _scheduler;
    private readonly System.Func<long> _now;

    public TimedFiles(VirtualFileSystem inner, BoardScheduler scheduler, System.Func<long> now)
    {
        _inner = inner;
        _scheduler = scheduler;
        _now = now;
    }

    /// <summary>The next write, delete or rename takes this long (ms); 0 = its ordinary cost.</summary>
    public long SlowNextWriteMs { get; set; }

    // Each operation is charged what the volume spent on it, read from its running total
    // around the call (no closure per call: the audit ring's writes are on the unlock path).
    public bool Exists(string name)
    {
        long before = _inner.SpentMicros;
        bool found = _inner.Exists(name);
        Charge(before, write: false);
        return found;
    }

    public int Length(string name)
    {
        long before = _inner.SpentMicros;
        int length = _inner.Length(name);
        Charge(before, write: false);
        return length;
    }

    public int Read(string name, int position, byte[] buffer, int offset, int count)
    {
        long before = _inner.SpentMicros;
        int read = _inner.Read(name, position, buffer, offset, count);
        Charge(before, write: false);
        return read;
    }

    public bool Write(string name, int position, byte[] buffer, int offset, int count)
    {
        if (name.StartsWith(StorageLayout.AuditPrefix, System.StringComparison.Ordinal))
        {
            // The record's managed work (building it, its CRC) comes before its page program.
            _scheduler.SpendInterpreted(UnlockPathCost.AuditRecord.InterpretedMicros(_scheduler.Budget));
        }

        long before = _inner.SpentMicros;
        bool written = _inner.Write(name, position, buffer, offset, count);
        Charge(before, write: true);
        return written;
    }

    public bool Delete(string name)
    {
        long before = _inner.SpentMicros;
        bool deleted = _inner.Delete(name);
        Charge(before, write: true);
        return deleted;
    }

    public bool Rename(string from, string to)
    {
        long before = _inner.SpentMicros;
        bool renamed = _inner.Rename(from, to);
        Charge(before, write: true);
        return renamed;
    }

    /// <summary>Spends what the operation that began at <paramref name="before"/> cost, or blocks for an injected slow commit.</summary>
    private void Charge(long before, bool write)
    {
        long micros = _inner.SpentMicros - before;
        if (write && SlowNextWriteMs > 0)
        {
            long ms = SlowNextWriteMs;
            SlowNextWriteMs = 0;
            _scheduler.Block(_now(), ms);
        }
        else
        {
            _scheduler.Spend(micros);
        }
    }
}
