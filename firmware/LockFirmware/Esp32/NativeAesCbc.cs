using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// AES-128-CBC by nanoFramework's native Aes. Its native side (nf-interpreter,
    /// nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp) uses mbedTLS's AES-128
    /// cipher without padding and refuses input that is not a multiple of 16 bytes, so the
    /// protocol uses exactly that. Pairing only: the arrays it allocates are rare garbage.
    /// </summary>
    public sealed class NativeAesCbc : IAesCbc
    {
        public void Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Aes aes = new Aes(CipherMode.CBC);
            aes.Key = key;
            aes.IV = iv;
            byte[] input = new byte[count];
            for (int i = 0; i < count; i++)
            {
                input[i] = data[offset + i];
            }

            byte[] plain = aes.Decrypt(input);
            for (int i = 0; i < count; i++)
            {
                output[outputOffset + i] = plain[i];
            }
        }
    }
}
