using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// HMAC-SHA256 by the chip's native implementation. nanoFramework's HMACSHA256 takes a
    /// whole array and returns a new one, so each MAC costs two small allocations here: the
    /// only allocations on the unlock path, and ones the API leaves no way around.
    /// </summary>
    public sealed class HmacAuthenticator : IMessageAuthenticator
    {
        private readonly HMACSHA256 _hmac;

        public HmacAuthenticator(byte[] secret)
        {
            _hmac = new HMACSHA256(secret);
        }

        public void ComputeMac(byte[] data, int offset, int count, byte[] mac, int macOffset)
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
