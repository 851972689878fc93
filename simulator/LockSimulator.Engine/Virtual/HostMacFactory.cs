using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>The host's HMAC-SHA256: one reusable keyed instance per key, no allocation per MAC.</summary>
public sealed class HostMacFactory : IMacFactory
{
    public IKeyedMac Create(byte[] key, int offset, int count) => new KeyedMac(key.AsSpan(offset, count));

    private sealed class KeyedMac : IKeyedMac
    {
        private readonly IncrementalHash _hmac;

        public KeyedMac(ReadOnlySpan<byte> key)
        {
            _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            _hmac.AppendData(data, offset, count);
            _hmac.GetHashAndReset(mac.AsSpan(macOffset, 32));
        }
    }
}
