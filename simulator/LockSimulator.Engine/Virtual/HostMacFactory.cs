using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>
/// The host's HMAC-SHA256 (RFC 2104) in managed code, keyed once: each key's inner and outer
/// pad states are computed when the key is handed over, so a MAC of a protocol message costs
/// two or three SHA-256 blocks and no call into the platform's crypto library. A fleet of locks
/// keeps no native contexts alive and leaves nothing to the finalizer; the lock still checks
/// every MAC for real (the same bytes as <see cref="HMACSHA256"/>, HostMacFactoryTests).
/// </summary>
public sealed class HostMacFactory : IMacFactory
{
    public IKeyedMac Create(byte[] key, int offset, int count) => new KeyedMac(key.AsSpan(offset, count));

    private sealed class KeyedMac : IKeyedMac
    {
        private const int DigestBytes = 32;

        // The inner pad's state, then the outer pad's: one array per key (a session makes a key per HELLO).
        private readonly uint[] _starts = new uint[2 * Sha256Blocks.StateWords];

        public KeyedMac(ReadOnlySpan<byte> key)
        {
            Span<byte> block = stackalloc byte[Sha256Blocks.BlockBytes];
            block.Clear();
            if (key.Length > Sha256Blocks.BlockBytes)
            {
                SHA256.HashData(key, block);
            }
            else
            {
                key.CopyTo(block);
            }

            Start(block, 0x36, _starts.AsSpan(0, Sha256Blocks.StateWords));
            Start(block, 0x5c, _starts.AsSpan(Sha256Blocks.StateWords));
            CryptographicOperations.ZeroMemory(block);
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            Span<uint> state = stackalloc uint[Sha256Blocks.StateWords];
            Span<byte> inner = stackalloc byte[DigestBytes];
            _starts.AsSpan(0, Sha256Blocks.StateWords).CopyTo(state);
            Sha256Blocks.Finish(state, Sha256Blocks.BlockBytes, data.AsSpan(offset, count), inner);
            _starts.AsSpan(Sha256Blocks.StateWords).CopyTo(state);
            Sha256Blocks.Finish(state, Sha256Blocks.BlockBytes, inner, mac.AsSpan(macOffset, DigestBytes));
        }

        private static void Start(ReadOnlySpan<byte> key, byte pad, Span<uint> state)
        {
            Span<byte> padded = stackalloc byte[Sha256Blocks.BlockBytes];
            for (int i = 0; i < padded.Length; i++)
            {
                padded[i] = (byte)(key[i] ^ pad);
            }

            Sha256Blocks.Initial.CopyTo(state);
            Sha256Blocks.Compress(state, padded);
            CryptographicOperations.ZeroMemory(padded);
        }
    }
}
