using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// SHA-256's compression function (FIPS 180-4, section 6.2.2) on a state the caller keeps: what
/// an HMAC needs to start from a key's pad states instead of hashing the key again per MAC.
/// Blocks go to libcrypto's SHA256_Transform (<see cref="NativeSha256"/>, the CPU's SHA
/// instructions) where there is one, else to the managed compression; both give the same bytes
/// (Sha256BlocksTests), checked against the platform's SHA-256 and HMAC (HostMacFactoryTests).
/// </summary>
[SkipLocalsInit]
internal static unsafe class Sha256Blocks
{
    public const int BlockBytes = 64;

    public const int StateWords = 8;

    /// <summary>
    /// The words of a context: the state first, then room the native transform may use
    /// (OpenSSL's SHA256_CTX), so one context goes to either compression without copying.
    /// </summary>
    public const int ContextWords = NativeSha256.ContextWords;

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

    /// <summary>Whether blocks go to the native transform: when there is one and the tests have not turned it off.</summary>
    public static bool UsesNative => NativeSha256.Available && !ManagedOnly;

    /// <summary>Turns the native transform off, so the tests run the managed path on a machine that has both.</summary>
    internal static bool ManagedOnly { get; set; }

    /// <summary>
    /// Folds <paramref name="blocks"/> (whole 64-byte blocks) into the state at the start of
    /// <paramref name="context"/> (<see cref="ContextWords"/> words).
    /// </summary>
    public static void Compress(Span<uint> context, ReadOnlySpan<byte> blocks)
    {
        if (context.Length < ContextWords || blocks.Length % BlockBytes != 0)
        {
            throw new ArgumentException("a SHA-256 context is 28 words and blocks are whole 64-byte blocks");
        }

        if (UsesNative)
        {
            // One call per block: libcrypto exports no multi-block compression, and the call costs a few nanoseconds.
            fixed (uint* state = context)
            fixed (byte* bytes = blocks)
            {
                for (int at = 0; at < blocks.Length; at += BlockBytes)
                {
                    NativeSha256.Transform(state, bytes + at);
                }
            }

            return;
        }

        for (int at = 0; at < blocks.Length; at += BlockBytes)
        {
            CompressManaged(context, blocks.Slice(at, BlockBytes));
        }
    }

    /// <summary>
    /// Whether <paramref name="transform"/> folds a block as the managed compression does: run
    /// once on "abc" (FIPS 180-4's first example) before it is trusted with any MAC.
    /// </summary>
    internal static bool AgreesWithManaged(delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> transform)
    {
        Span<byte> block = stackalloc byte[BlockBytes];
        block.Clear();
        "abc"u8.CopyTo(block);
        block[3] = 0x80;
        block[BlockBytes - 1] = 3 * 8;
        Span<uint> native = stackalloc uint[ContextWords];
        Span<uint> managed = stackalloc uint[StateWords];
        native.Clear();
        Initial.CopyTo(native);
        Initial.CopyTo(managed);
        fixed (uint* state = native)
        fixed (byte* bytes = block)
        {
            transform(state, bytes);
        }

        CompressManaged(managed, block);
        return native[..StateWords].SequenceEqual(managed);
    }

    /// <summary>Folds one 64-byte block into <paramref name="state"/> in managed code.</summary>
    /// <remarks>
    /// Indexes through references once the lengths are checked: the bounds checks of span
    /// indexing were a third of the time, and a fleet day computes some fifty blocks per command.
    /// </remarks>
    internal static void CompressManaged(Span<uint> state, ReadOnlySpan<byte> block)
    {
        if (state.Length < StateWords || block.Length < BlockBytes)
        {
            throw new ArgumentException("a SHA-256 state is 8 words and a block 64 bytes");
        }

        Span<uint> scheduleSpan = stackalloc uint[64];
        ref uint schedule = ref MemoryMarshal.GetReference(scheduleSpan);
        ref byte bytes = ref MemoryMarshal.GetReference(block);
        for (int i = 0; i < 16; i++)
        {
            Unsafe.Add(ref schedule, i) = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref bytes, 4 * i)));
        }

        for (int i = 16; i < 64; i++)
        {
            uint early = Unsafe.Add(ref schedule, i - 15);
            uint late = Unsafe.Add(ref schedule, i - 2);
            uint sigma0 = BitOperations.RotateRight(early, 7) ^ BitOperations.RotateRight(early, 18) ^ (early >> 3);
            uint sigma1 = BitOperations.RotateRight(late, 17) ^ BitOperations.RotateRight(late, 19) ^ (late >> 10);
            Unsafe.Add(ref schedule, i) = Unsafe.Add(ref schedule, i - 16) + sigma0 + Unsafe.Add(ref schedule, i - 7) + sigma1;
        }

        ref uint h0 = ref MemoryMarshal.GetReference(state);
        uint a = h0, b = Unsafe.Add(ref h0, 1), c = Unsafe.Add(ref h0, 2), d = Unsafe.Add(ref h0, 3);
        uint e = Unsafe.Add(ref h0, 4), f = Unsafe.Add(ref h0, 5), g = Unsafe.Add(ref h0, 6), h = Unsafe.Add(ref h0, 7);
        ref uint k = ref MemoryMarshal.GetReference(RoundConstants);
        for (int i = 0; i < 64; i++)
        {
            uint bigSigma1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = g ^ (e & (f ^ g));
            uint t1 = h + bigSigma1 + choose + Unsafe.Add(ref k, i) + Unsafe.Add(ref schedule, i);
            uint bigSigma0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) | (c & (a | b));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + bigSigma0 + majority;
        }

        h0 += a;
        Unsafe.Add(ref h0, 1) += b;
        Unsafe.Add(ref h0, 2) += c;
        Unsafe.Add(ref h0, 3) += d;
        Unsafe.Add(ref h0, 4) += e;
        Unsafe.Add(ref h0, 5) += f;
        Unsafe.Add(ref h0, 6) += g;
        Unsafe.Add(ref h0, 7) += h;
    }

    /// <summary>
    /// Hashes <paramref name="message"/> on from the state in <paramref name="context"/>, which has
    /// already taken <paramref name="bytesBefore"/> bytes (whole blocks), pads it, and writes the
    /// 32-byte digest.
    /// </summary>
    public static void Finish(Span<uint> context, long bytesBefore, ReadOnlySpan<byte> message, Span<byte> digest)
    {
        int whole = message.Length / BlockBytes * BlockBytes;
        if (whole > 0)
        {
            Compress(context, message[..whole]);
        }

        // The rest, 0x80, zeros, and the message's length in bits: one block, or two when the rest leaves under 9 bytes.
        int rest = message.Length - whole;
        int tailLength = rest + 9 <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        Span<byte> tail = stackalloc byte[2 * BlockBytes];
        tail = tail[..tailLength];
        tail.Clear();
        message[whole..].CopyTo(tail);
        tail[rest] = 0x80;
        BinaryPrimitives.WriteInt64BigEndian(tail[^8..], (bytesBefore + message.Length) * 8);
        Compress(context, tail);

        // The state words big-endian, all eight in one vectorised swap.
        BinaryPrimitives.ReverseEndianness(context[..StateWords], MemoryMarshal.Cast<byte, uint>(digest[..(4 * StateWords)]));
    }
}
