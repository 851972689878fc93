using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>
/// The host's HMAC-SHA256, one-shot per MAC over a copy of the key: no native context is held
/// between MACs, so a fleet of locks keeps no native handles alive and leaves nothing to the
/// finalizer (a kept context per key cost about a KB of native memory and a finalization each).
/// </summary>
public sealed class HostMacFactory : IMacFactory
{
    public IKeyedMac Create(byte[] key, int offset, int count) => new KeyedMac(key.AsSpan(offset, count).ToArray());

    private sealed class KeyedMac : IKeyedMac
    {
        private readonly byte[] _key;

        public KeyedMac(byte[] key)
        {
            _key = key;
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset) =>
            HMACSHA256.HashData(_key, data.AsSpan(offset, count), mac.AsSpan(macOffset, 32));
    }
}
