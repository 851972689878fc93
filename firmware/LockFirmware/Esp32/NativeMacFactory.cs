using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>HMAC-SHA256 by the chip's native implementation, one keyed instance per key.</summary>
    public sealed class NativeMacFactory : IMacFactory
    {
        public IKeyedMac Create(byte[] key, int offset, int count)
        {
            byte[] copy = new byte[count];
            for (int i = 0; i < count; i++)
            {
                copy[i] = key[offset + i];
            }

            return new NativeMac(copy);
        }

        /// <summary>
        /// nanoFramework's HMACSHA256 takes a whole array and returns a new one, so each MAC
        /// costs two small allocations here: the only allocations on the unlock path, and ones
        /// the API leaves no way around (see README, memory budget).
        /// </summary>
        private sealed class NativeMac : IKeyedMac
        {
            private readonly HMACSHA256 _hmac;

            public NativeMac(byte[] key)
            {
                _hmac = new HMACSHA256(key);
            }

            public void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset)
            {
                byte[] message = new byte[count];
                for (int i = 0; i < count; i++)
                {
                    message[i] = data[offset + i];
                }

                byte[] hash = _hmac.ComputeHash(message);
                for (int i = 0; i < hash.Length; i++)
                {
                    mac[macOffset + i] = hash[i];
                }
            }
        }
    }
}
