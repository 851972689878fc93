using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// HMAC-SHA256 by the chip's native implementation. nanoFramework's HMACSHA256 (1.0.43) takes
    /// the input as a whole array and returns a new one; its ComputeHash also clones that result
    /// (three arrays per MAC with the input copy), while the static HashData returns the native
    /// array as is. So this uses HashData, and keeps one input array per message length it has
    /// seen (the protocol's messages have a handful of fixed lengths): one 32-byte array per MAC
    /// in steady state, the least the API allows (see README, memory budget).
    /// </summary>
    public sealed class NativeMacFactory : IMacFactory
    {
        /// <summary>Distinct input lengths kept; the unlock path uses six (four to open a session, two per command).</summary>
        private const int InputSlots = 8;

        private readonly byte[][] _inputs = new byte[InputSlots][];
        private int _nextSlot;

        public IKeyedMac Create(byte[] key, int offset, int count)
        {
            byte[] copy = new byte[count];
            for (int i = 0; i < count; i++)
            {
                copy[i] = key[offset + i];
            }

            return new NativeMac(this, copy);
        }

        /// <summary>An array of exactly <paramref name="length"/> bytes, reused (MACs run on the dispatcher thread only).</summary>
        private byte[] InputOf(int length)
        {
            for (int i = 0; i < InputSlots; i++)
            {
                if (_inputs[i] != null && _inputs[i].Length == length)
                {
                    return _inputs[i];
                }
            }

            byte[] input = new byte[length];
            _inputs[_nextSlot] = input;
            _nextSlot = (_nextSlot + 1) % InputSlots;
            return input;
        }

        private sealed class NativeMac : IKeyedMac
        {
            private readonly NativeMacFactory _factory;
            private readonly byte[] _key;

            public NativeMac(NativeMacFactory factory, byte[] key)
            {
                _factory = factory;
                _key = key;
            }

            public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
            {
                // Native copies in and out: a byte loop costs the interpreter several IL instructions per byte.
                byte[] message = _factory.InputOf(count);
                System.Array.Copy(data, offset, message, 0, count);
                byte[] hash = HMACSHA256.HashData(_key, message);
                System.Array.Copy(hash, 0, mac, macOffset, hash.Length);
            }
        }
    }
}
