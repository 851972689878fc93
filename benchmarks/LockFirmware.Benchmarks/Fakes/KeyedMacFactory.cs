using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Benchmarks.Fakes;

/// <summary>
/// HMAC-SHA256 with one keyed context per key, reused for every MAC: the same primitive as
/// <see cref="Rig.MacFloor"/>, so a path's ratio to the floor measures the lock's own work and
/// not a difference in how the host computes a MAC. (The simulator's HostMacFactory keeps each
/// key's pad states in managed code instead, so a 200 000-lock fleet holds no native contexts.)
/// </summary>
public sealed class KeyedMacFactory : IMacFactory
{
    public IKeyedMac Create(byte[] key, int offset, int count) => new KeyedMac(key[offset..(offset + count)]);

    private sealed class KeyedMac(byte[] key) : IKeyedMac
    {
        private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            _hmac.AppendData(data, offset, count);
            _hmac.TryGetHashAndReset(mac.AsSpan(macOffset, 32), out _);
        }
    }
}
