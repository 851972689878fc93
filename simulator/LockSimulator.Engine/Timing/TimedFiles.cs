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

    public bool Exists(string name) => Timed(() => _inner.Exists(name), write: false);

    public int Length(string name) => Timed(() => _inner.Length(name), write: false);

    public int Read(string name, int position, byte[] buffer, int offset, int count) =>
        Timed(() => _inner.Read(name, position, buffer, offset, count), write: false);

    public bool Write(string name, int position, byte[] buffer, int offset, int count)
    {
        if (name.StartsWith(StorageLayout.AuditPrefix, System.StringComparison.Ordinal))
        {
            // The record's managed work (building it, its CRC) comes before its page program.
            _scheduler.SpendInterpreted(UnlockPathCost.AuditRecord.InterpretedMicros(_scheduler.Budget));
        }

        return Timed(() => _inner.Write(name, position, buffer, offset, count), write: true);
    }

    public bool Delete(string name) => Timed(() => _inner.Delete(name), write: true);

    public bool Rename(string from, string to) => Timed(() => _inner.Rename(from, to), write: true);

    private T Timed<T>(System.Func<T> operation, bool write)
    {
        long before = _inner.SpentMicros;
        T result = operation();
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

        return result;
    }
}
