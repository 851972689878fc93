using System;
using LockFirmware.Ports;
using LockFirmware.Protocol.Client;
using LockSimulator.Virtual;

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

    // The firmware asks for two keys per session (the credential's and the session's): with the
    // host's HMAC the pad states and the scheduler share one object instead of a key and a wrapper.
    public IKeyedMac Create(byte[] key, int offset, int count) => _inner is HostMacFactory
        ? new TimedHostKey(key.AsSpan(offset, count), _scheduler)
        : new TimedMac(_inner.Create(key, offset, count), _scheduler);

    private sealed class TimedHostKey : IKeyedMac
    {
        private readonly BoardScheduler _scheduler;
        private HmacPads _pads;

        public TimedHostKey(ReadOnlySpan<byte> key, BoardScheduler scheduler)
        {
            _scheduler = scheduler;
            _pads.Key(key);
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            _scheduler.Spend(_scheduler.Budget.HmacMicros);
            _pads.Compute(data.AsSpan(offset, count), mac.AsSpan(macOffset, HmacKey.DigestBytes));
        }
    }

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
