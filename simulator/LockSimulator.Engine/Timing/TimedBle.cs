using LockFirmware.Ble;
using LockFirmware.Ports;
using LockSimulator.Budget;

namespace LockSimulator.Timing;

/// <summary>
/// The BLE port with the board's time for each notification: the managed work of an answer
/// (UnlockPathCost.Answer, its HMAC charged by the MAC port) and the hand-over to NimBLE
/// (BoardBudget.NotifyMicros). A message sent in several fragments is charged the answer's
/// work for each, more than the board spends.
/// </summary>
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
        _scheduler.SpendInterpreted(UnlockPathCost.Answer.InterpretedMicros(_scheduler.Budget));
        _scheduler.Spend(_scheduler.Budget.NotifyMicros);
        _inner.Notify(buffer, offset, count);
    }

    /// <summary>Handing new packets to the library is a native call whose cost is in the stack restart the link models.</summary>
    public void Advertise(LegacyAdvertisement packets) => _inner.Advertise(packets);

    public void Disconnect() => _inner.Disconnect();
}
