using LockFirmware.Ports;

namespace LockFirmware.Tests.Crypto
{
    /// <summary>
    /// The AES port for the device tests: AES-128-CBC decryption without padding (SP 800-38A,
    /// section 6.2) over <see cref="Aes128"/>, so pairing runs on the virtual device and the
    /// desktop, where nanoFramework's native Aes is missing. Allocation-free per call.
    /// </summary>
    public sealed class ManagedAesCbc : IAesCbc
    {
        private readonly Aes128 _aes = new Aes128();
        private readonly byte[] _previous = new byte[Aes128.BlockSize];
        private readonly byte[] _block = new byte[Aes128.BlockSize];

        public void Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            _aes.SetKey(key, 0);
            for (int i = 0; i < Aes128.BlockSize; i++)
            {
                _previous[i] = iv[i];
            }

            for (int at = 0; at + Aes128.BlockSize <= count; at += Aes128.BlockSize)
            {
                _aes.DecryptBlock(data, offset + at, _block, 0);
                for (int i = 0; i < Aes128.BlockSize; i++)
                {
                    // The ciphertext block is kept before the output is written: they may overlap.
                    byte cipher = data[offset + at + i];
                    output[outputOffset + at + i] = (byte)(_block[i] ^ _previous[i]);
                    _previous[i] = cipher;
                }
            }
        }
    }
}
