namespace LockFirmware.Ports
{
    /// <summary>
    /// AES-128 in CBC mode without padding, as nanoFramework's native Aes offers it (its
    /// mbedTLS cipher is fixed to AES-128, input a multiple of 16 bytes). Used only at
    /// pairing, to open the secret the back office sealed with the unit's factory key.
    /// </summary>
    public interface IAesCbc
    {
        /// <summary>Decrypts count bytes (a multiple of 16) of data at offset into output at outputOffset; key and iv are 16 bytes.</summary>
        void Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset);
    }
}
