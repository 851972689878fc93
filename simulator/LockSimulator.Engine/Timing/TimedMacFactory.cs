using LockFirmware.Ports;

namespace LockSimulator.Timing;

/// <summary>The MAC port with the board's time for each HMAC (BoardBudget.HmacMicros).</summary>
internal sealed class TimedMacFactory : IMacFactory
{
    private readonly IMacFactory _inner;
    private readonly BoardScheduler _scheduler;

    public TimedMacFactory(IMacFactory inner, BoardScheduler scheduler)
    {
        _inner = inner;
        _scheduler = scheduler;
    }

    public IKeyedMac Create(byte[] key, int offset, int count) => new TimedMac(_inner.Create(key, offset, count), _scheduler);

    private sealed class TimedMac : IKeyedMac
    {
        private readonly IKeyedMac _inner;
        private readonly BoardScheduler _scheduler;

        public TimedMac(IKeyedMac inner, BoardScheduler scheduler)
        {
            _inner = inner;
            _scheduler = scheduler;
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            _scheduler.Spend(_scheduler.Budget.HmacMicros);
            _inner.Compute(data, offset, count, mac, macOffset);
        }
    }
}
