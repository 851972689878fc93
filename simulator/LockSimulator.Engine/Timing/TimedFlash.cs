using LockFirmware.Ports;

namespace LockSimulator.Timing;

/// <summary>
/// The flash port with the board's time for each page program and sector erase
/// (BoardBudget), and an injectable slow commit: the next write blocks every managed thread
/// for as long as asked, as a LittleFS commit that has to garbage-collect blocks does.
/// </summary>
internal sealed class TimedFlash : IFlash
{
    private readonly IFlash _inner;
    private readonly BoardScheduler _scheduler;
    private readonly System.Func<long> _now;

    public TimedFlash(IFlash inner, BoardScheduler scheduler, System.Func<long> now)
    {
        _inner = inner;
        _scheduler = scheduler;
        _now = now;
    }

    /// <summary>The next program or erase takes this long (ms); 0 = its ordinary cost.</summary>
    public long SlowNextWriteMs { get; set; }

    public int SectorSize => _inner.SectorSize;

    public int SectorCount => _inner.SectorCount;

    public int PageSize => _inner.PageSize;

    public void Read(int address, byte[] buffer, int offset, int count) => _inner.Read(address, buffer, offset, count);

    public void Program(int address, byte[] buffer, int offset, int count)
    {
        Charge(_scheduler.Budget.FlashPageProgramMicros);
        _inner.Program(address, buffer, offset, count);
    }

    public void Erase(int sector)
    {
        Charge(_scheduler.Budget.FlashSectorEraseMicros);
        _inner.Erase(sector);
    }

    private void Charge(int micros)
    {
        if (SlowNextWriteMs > 0)
        {
            long ms = SlowNextWriteMs;
            SlowNextWriteMs = 0;
            _scheduler.Block(_now(), ms);
            return;
        }

        _scheduler.Spend(micros);
    }
}
