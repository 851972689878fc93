using System;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockSimulator.Virtual;

/// <summary>
/// AES-128-CBC without padding, with the board's limits: nanoFramework's native Aes is fixed
/// to 128-bit keys and input in whole 16-byte blocks (nf-interpreter's Aes native), so other
/// sizes throw here as they fail there.
/// </summary>
public sealed class HostAesCbc : IAesCbc
{
    public void Decrypt(byte[] key, byte[] iv, byte[] data, int offset, int count, byte[] output, int outputOffset)
    {
        if (key.Length != 16 || iv.Length != 16 || count % 16 != 0)
        {
            throw new ArgumentException("the board's AES takes a 16-byte key and IV and whole 16-byte blocks");
        }

        using Aes aes = Aes.Create();
        aes.Key = key;
        aes.DecryptCbc(data.AsSpan(offset, count), iv, output.AsSpan(outputOffset, count), PaddingMode.None);
    }
}
