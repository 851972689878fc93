using LockFirmware.Ble;
using LockFirmware.Ports;

namespace LockSimulator.Timing;

/// <summary>The BLE port with the board's time for handing each notification to NimBLE (BoardBudget.NotifyMicros).</summary>
internal sealed class TimedBle : IBleLink
{
    private readonly IBleLink _inner;
    private readonly BoardScheduler _scheduler;

    public TimedBle(IBleLink inner, BoardScheduler scheduler)
    {
        _inner = inner;
        _scheduler = scheduler;
    }

    public void Notify(byte[] buffer, int offset, int count)
    {
        _scheduler.Spend(_scheduler.Budget.NotifyMicros);
        _inner.Notify(buffer, offset, count);
    }

    /// <summary>Handing new packets to the library is a native call whose cost is in the stack restart the link models.</summary>
    public void Advertise(LegacyAdvertisement packets) => _inner.Advertise(packets);

    public void Disconnect() => _inner.Disconnect();
}
