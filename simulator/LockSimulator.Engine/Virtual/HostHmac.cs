using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>The host's HMAC-SHA256, keyed with one lock's secret; allocation-free per call.</summary>
public sealed class HostHmac : IMessageAuthenticator
{
    private readonly byte[] _key;

    public HostHmac(byte[] key)
    {
        _key = (byte[])key.Clone();
    }

    public void ComputeMac(byte[] data, int offset, int count, byte[] mac, int macOffset)
    {
        HMACSHA256.TryHashData(_key, data.AsSpan(offset, count), mac.AsSpan(macOffset, 32), out _);
    }
}
