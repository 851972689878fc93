using System;
using System.Runtime.CompilerServices;
using System.Buffers;

namespace LockFirmware.Protocol.Client;

/// <summary>HMAC-SHA256 of "label || parts", as every MAC of the protocol is built.</summary>
[SkipLocalsInit]
internal static class Mac
{
    /// <summary>Messages up to this length are put together on the stack.</summary>
    private const int StackBytes = 512;

    /// <summary>The MAC of "label || parts" under <paramref name="key"/>: the backend's credentials, tokens and PAIR seal.</summary>
    /// <remarks>
    /// Keyed here for this one MAC (<see cref="HmacKey"/>) rather than by HMACSHA256.HashData: the
    /// same bytes without a native HMAC context to create and free per call, which took 1.6 µs
    /// against about 0.4 µs for the pads and the MAC (Sha256Benchmarks).
    /// </remarks>
    public static byte[] Of(ReadOnlySpan<byte> key, byte[] label, params byte[][] parts)
    {
        int length = label.Length;
        foreach (byte[] part in parts)
        {
            length += part.Length;
        }

        byte[]? rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> message = rented ?? stackalloc byte[StackBytes];
        label.CopyTo(message);
        int at = label.Length;
        foreach (byte[] part in parts)
        {
            part.CopyTo(message[at..]);
            at += part.Length;
        }

        byte[] mac = new byte[HmacKey.DigestBytes];
        // The pad states on the stack: this key serves one MAC.
        HmacPads pads = default;
        pads.Key(key);
        pads.Compute(message[..length], mac);
        if (rented != null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return mac;
    }

    /// <summary>
    /// The MAC of "label || first || second" under a key keyed once, written to
    /// <paramref name="mac"/> (32 bytes): what a session computes per command and event.
    /// </summary>
    public static void Of(HmacKey key, ReadOnlySpan<byte> label, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> mac)
    {
        int length = label.Length + first.Length + second.Length;
        byte[]? rented = length > StackBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> message = rented ?? stackalloc byte[StackBytes];
        label.CopyTo(message);
        first.CopyTo(message[label.Length..]);
        second.CopyTo(message[(label.Length + first.Length)..]);
        key.Compute(message[..length], mac);
        if (rented != null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
