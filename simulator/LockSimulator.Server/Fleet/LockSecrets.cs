using System;
using System.Security.Cryptography;
using System.Text;

namespace LockSimulator.Server.Fleet;

/// <summary>A lock's default secret: from the server's seed and the lock id, so a rerun with the same seed meets the same locks.</summary>
internal static class LockSecrets
{
    public static byte[] For(int seed, uint lockId)
    {
        // The text "lock-simulator/{seed}/{lockId}" (numbers formatted as interpolation does) and its
        // ASCII bytes, written on the stack: no string and array per lock only to be hashed.
        const string Prefix = "lock-simulator/";
        Span<char> text = stackalloc char[64];
        Prefix.CopyTo(text);
        int length = Prefix.Length;
        // Room left for the slash and a uint's ten digits (a culture's minus sign could be long).
        if (!seed.TryFormat(text[length..], out int written) || length + written + 11 > text.Length)
        {
            return SHA256.HashData(Encoding.ASCII.GetBytes($"lock-simulator/{seed}/{lockId}"));
        }

        length += written;
        text[length++] = '/';
        lockId.TryFormat(text[length..], out written);
        length += written;
        Span<byte> bytes = stackalloc byte[64];
        return SHA256.HashData(bytes[..Encoding.ASCII.GetBytes(text[..length], bytes)]);
    }

    /// <summary>A new secret for a pairing through the API at fleet time <paramref name="fleetMs"/>: repeatable too.</summary>
    public static byte[] ForPairing(int seed, uint lockId, long fleetMs) => SHA256.HashData(Encoding.ASCII.GetBytes($"lock-simulator/{seed}/{lockId}/pairing/{fleetMs}"));
}
