using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using LockFirmware.Ports;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// An HMAC-SHA256 key (RFC 2104) keyed once: its inner and outer pad states are computed when
/// the key is made, so a MAC of a short protocol message costs two or three SHA-256 blocks
/// (<see cref="Sha256Blocks"/>: the CPU's SHA instructions where libcrypto offers them) and no
/// native context to create and free. The same bytes as <see cref="HMACSHA256"/>
/// (HostMacFactoryTests, ProtocolSessionTests). It is also the firmware's MAC port in the
/// simulator (HostMacFactory), so a lock's session key is one object.
/// </summary>
[SkipLocalsInit]
internal sealed class HmacKey : IKeyedMac
{
    public const int DigestBytes = 32;

    private HmacPads _pads;

    public HmacKey(ReadOnlySpan<byte> key) => _pads.Key(key);

    /// <summary>Keys this object anew, for its owner that keeps one key object for a series of keys (a phone's session keys).</summary>
    public void Rekey(ReadOnlySpan<byte> key) => _pads.Key(key);

    /// <summary>Writes the 32-byte MAC of <paramref name="message"/> to <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac) => _pads.Compute(message, mac);

    void IKeyedMac.Compute(byte[] data, int offset, int count, byte[] mac, int macOffset) =>
        Compute(data.AsSpan(offset, count), mac.AsSpan(macOffset, DigestBytes));
}

/// <summary>
/// HMAC-SHA256's inner and outer pad states of one key, held inline by whatever object owns
/// the key (<see cref="HmacKey"/>, or a lock's timed MAC port key in the simulator), so a
/// keyed MAC is one object.
/// </summary>
[SkipLocalsInit]
internal struct HmacPads
{
    // The inner pad's state, then the outer pad's.
    private PadStates _starts;

    /// <summary>Computes the pad states of <paramref name="key"/> (hashed first when longer than a block, as RFC 2104 says).</summary>
    public void Key(ReadOnlySpan<byte> key)
    {
        Span<byte> block = stackalloc byte[Sha256Blocks.BlockBytes];
        block.Clear();
        if (key.Length > Sha256Blocks.BlockBytes)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Span<uint> starts = _starts;
        Start(block, 0x36, starts[..Sha256Blocks.StateWords]);
        Start(block, 0x5c, starts[Sha256Blocks.StateWords..]);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>Writes the 32-byte MAC of <paramref name="message"/> to <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        // Only the state words are set: the rest of the context is the native transform's to use, and it reads none of it.
        Span<uint> context = stackalloc uint[Sha256Blocks.ContextWords];
        Span<byte> inner = stackalloc byte[HmacKey.DigestBytes];
        ReadOnlySpan<uint> starts = _starts;
        starts[..Sha256Blocks.StateWords].CopyTo(context);
        Sha256Blocks.Finish(context, Sha256Blocks.BlockBytes, message, inner);
        starts[Sha256Blocks.StateWords..].CopyTo(context);
        Sha256Blocks.Finish(context, Sha256Blocks.BlockBytes, inner, mac[..HmacKey.DigestBytes]);
    }

    private static void Start(ReadOnlySpan<byte> key, byte pad, Span<uint> state)
    {
        // Sixteen bytes at a time: a session makes two keys per HELLO on each side, each with two pads.
        Span<byte> padded = stackalloc byte[Sha256Blocks.BlockBytes];
        Vector128<byte> pads = Vector128.Create(pad);
        for (int i = 0; i < Sha256Blocks.BlockBytes; i += Vector128<byte>.Count)
        {
            (Vector128.Create(key.Slice(i, Vector128<byte>.Count)) ^ pads).CopyTo(padded[i..]);
        }

        Span<uint> context = stackalloc uint[Sha256Blocks.ContextWords];
        Sha256Blocks.Initial.CopyTo(context);
        Sha256Blocks.Compress(context, padded);
        context[..Sha256Blocks.StateWords].CopyTo(state);
        CryptographicOperations.ZeroMemory(padded);
    }

    [InlineArray(2 * Sha256Blocks.StateWords)]
    private struct PadStates
    {
        private uint _first;
    }
}
