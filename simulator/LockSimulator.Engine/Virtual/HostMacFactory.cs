using System;
using LockFirmware.Ports;
using LockFirmware.Protocol.Client;

namespace LockSimulator.Virtual;

/// <summary>
/// The host's HMAC-SHA256, keyed once (<see cref="HmacKey"/>: each key's inner and outer pad
/// states are computed when the key is handed over), so a MAC of a protocol message costs two
/// or three SHA-256 blocks (libcrypto's SHA256_Transform where there is one, else managed code)
/// and no native context. A fleet of locks keeps no native contexts alive and leaves nothing to
/// the finalizer; the lock still checks every MAC for real (the same bytes as HMACSHA256,
/// HostMacFactoryTests, Sha256BlocksTests). The board's time per MAC is charged by
/// TimedMacFactory, whatever the host computes it with.
/// </summary>
public sealed class HostMacFactory : IMacFactory
{
    public IKeyedMac Create(byte[] key, int offset, int count) => new HmacKey(key.AsSpan(offset, count));
}
