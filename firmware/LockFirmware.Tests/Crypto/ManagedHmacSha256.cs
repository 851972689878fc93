using System;
using LockFirmware.Ports;

namespace LockFirmware.Tests.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104) under one key, on <see cref="Sha256"/>: the key's inner and outer
    /// pads are made once, and each MAC then allocates nothing, as the native one is used on the
    /// command path. For tests only; the application keeps nanoFramework's native HMACSHA256.
    /// </summary>
    public sealed class ManagedHmacSha256 : IKeyedMac
    {
        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _hash = new Sha256();
        private readonly byte[] _innerKey = new byte[Sha256.BlockSize];
        private readonly byte[] _outerKey = new byte[Sha256.BlockSize];
        private readonly byte[] _innerHash = new byte[Sha256.HashSize];

        public ManagedHmacSha256(byte[] key, int offset, int count)
        {
            // A key longer than a block is replaced by its hash; a shorter one is padded with zeros.
            byte[] block = new byte[Sha256.BlockSize];
            if (count > Sha256.BlockSize)
            {
                _hash.Update(key, offset, count);
                _hash.Finish(block, 0);
            }
            else
            {
                Array.Copy(key, offset, block, 0, count);
            }

            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                _innerKey[i] = (byte)(block[i] ^ InnerPad);
                _outerKey[i] = (byte)(block[i] ^ OuterPad);
            }
        }

        public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
        {
            _hash.Update(_innerKey, 0, Sha256.BlockSize);
            _hash.Update(data, offset, count);
            _hash.Finish(_innerHash, 0);
            _hash.Update(_outerKey, 0, Sha256.BlockSize);
            _hash.Update(_innerHash, 0, Sha256.HashSize);
            _hash.Finish(mac, macOffset);
        }
    }
}
