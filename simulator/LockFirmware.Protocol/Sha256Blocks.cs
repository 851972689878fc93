using System;
using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Numerics;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// SHA-256's compression function (FIPS 180-4, section 6.2.2) on a state the caller keeps: what
/// an HMAC needs to start from a key's pad states instead of hashing the key again per MAC.
/// Checked against the platform's SHA-256 and HMAC (HostMacFactoryTests).
/// </summary>
[SkipLocalsInit]
internal static class Sha256Blocks
{
    public const int BlockBytes = 64;

    public const int StateWords = 8;

    /// <summary>The initial hash value H(0).</summary>
    public static ReadOnlySpan<uint> Initial =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Folds one 64-byte block into <paramref name="state"/>.</summary>
    public static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> schedule = stackalloc uint[64];
        for (int i = 0; i < 16; i++)
        {
            schedule[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(4 * i, 4));
        }

        for (int i = 16; i < 64; i++)
        {
            uint early = schedule[i - 15];
            uint late = schedule[i - 2];
            uint sigma0 = BitOperations.RotateRight(early, 7) ^ BitOperations.RotateRight(early, 18) ^ (early >> 3);
            uint sigma1 = BitOperations.RotateRight(late, 17) ^ BitOperations.RotateRight(late, 19) ^ (late >> 10);
            schedule[i] = schedule[i - 16] + sigma0 + schedule[i - 7] + sigma1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        ReadOnlySpan<uint> k = RoundConstants;
        for (int i = 0; i < 64; i++)
        {
            uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = (e & f) ^ (~e & g);
            uint t1 = h + bigSigma1 + choose + k[i] + schedule[i];
            uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + bigSigma0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    /// <summary>
    /// Hashes <paramref name="message"/> on from <paramref name="state"/>, which has already taken
    /// <paramref name="bytesBefore"/> bytes (whole blocks), pads it, and writes the 32-byte digest.
    /// </summary>
    public static void Finish(Span<uint> state, long bytesBefore, ReadOnlySpan<byte> message, Span<byte> digest)
    {
        int whole = message.Length / BlockBytes * BlockBytes;
        for (int at = 0; at < whole; at += BlockBytes)
        {
            Compress(state, message.Slice(at, BlockBytes));
        }

        // The rest, 0x80, zeros, and the message's length in bits: one block, or two when the rest leaves under 9 bytes.
        Span<byte> tail = stackalloc byte[2 * BlockBytes];
        tail.Clear();
        int rest = message.Length - whole;
        message[whole..].CopyTo(tail);
        tail[rest] = 0x80;
        int tailLength = rest + 9 <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        BinaryPrimitives.WriteInt64BigEndian(tail.Slice(tailLength - 8, 8), (bytesBefore + message.Length) * 8);
        for (int at = 0; at < tailLength; at += BlockBytes)
        {
            Compress(state, tail.Slice(at, BlockBytes));
        }

        for (int i = 0; i < StateWords; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.Slice(4 * i, 4), state[i]);
        }
    }
}
