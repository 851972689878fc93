using System;
using System.Security.Cryptography;

namespace LockFirmware.Protocol.Client;

/// <summary>HMAC-SHA256 of "label || parts", as every MAC of the protocol is built.</summary>
internal static class Mac
{
    public static byte[] Of(ReadOnlySpan<byte> key, byte[] label, params byte[][] parts)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(label);
        foreach (byte[] part in parts)
        {
            hmac.AppendData(part);
        }

        return hmac.GetHashAndReset();
    }
}
