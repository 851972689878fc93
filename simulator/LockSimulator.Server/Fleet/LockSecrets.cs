using System;
using System.Security.Cryptography;
using System.Text;

namespace LockSimulator.Server.Fleet;

/// <summary>A lock's default secret: from the server's seed and the lock id, so a rerun with the same seed meets the same locks.</summary>
internal static class LockSecrets
{
    public static byte[] For(int seed, uint lockId)
    {
        // The same text and ASCII bytes, formatted on the stack: no string and array per lock only to be hashed.
        Span<char> text = stackalloc char[64];
        if (!text.TryWrite($"lock-simulator/{seed}/{lockId}", out int length))
        {
            return SHA256.HashData(Encoding.ASCII.GetBytes($"lock-simulator/{seed}/{lockId}"));
        }

        Span<byte> bytes = stackalloc byte[64];
        return SHA256.HashData(bytes[..Encoding.ASCII.GetBytes(text[..length], bytes)]);
    }

    /// <summary>A new secret for a pairing through the API at fleet time <paramref name="fleetMs"/>: repeatable too.</summary>
    public static byte[] ForPairing(int seed, uint lockId, long fleetMs) => SHA256.HashData(Encoding.ASCII.GetBytes($"lock-simulator/{seed}/{lockId}/pairing/{fleetMs}"));
}
