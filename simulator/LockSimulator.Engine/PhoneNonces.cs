using System;
using System.Collections.Concurrent;
using System.Threading;
using LockFirmware.Protocol;

namespace LockSimulator;

/// <summary>
/// The phone nonces a simulated app draws from a <see cref="Random"/> seeded by its credential,
/// drawn once per seed and shared by every phone with that seed: a phone's nth HELLO takes the
/// nth nonce of its seed, the bytes a generator of its own would have given it. A fleet's phones
/// have few seeds between them (the seed is the key id's bytes, 7 for every staff phone of a
/// fleet day), so each keeps a position rather than a generator of its own (about 300 bytes).
/// Phones of different locks draw on different threads at once: the drawing is serialized, and
/// a reader sees the bytes of every nonce counted.
/// </summary>
internal sealed class PhoneNonces
{
    private const int Length = ProtocolInfo.PhoneNonceLength;

    private static readonly ConcurrentDictionary<int, PhoneNonces> BySeed = new();

    private readonly object _gate = new();
    private readonly Random _random;
    private readonly byte[] _next = new byte[Length];

    /// <summary>The nonces drawn so far, one after another; a larger copy replaces it, published before the count that needs it.</summary>
    private byte[] _drawn = new byte[16 * Length];
    private int _count;

    private PhoneNonces(int seed) => _random = new Random(seed);

    /// <summary>The nonces of the generator seeded with <paramref name="seed"/>.</summary>
    public static PhoneNonces For(int seed) => BySeed.GetOrAdd(seed, static s => new PhoneNonces(s));

    /// <summary>Writes nonce number <paramref name="index"/> (from 0) into <paramref name="nonce"/>.</summary>
    public void CopyTo(int index, byte[] nonce)
    {
        if (index >= Volatile.Read(ref _count))
        {
            DrawThrough(index);
        }

        Buffer.BlockCopy(Volatile.Read(ref _drawn), index * Length, nonce, 0, Length);
    }

    private void DrawThrough(int index)
    {
        lock (_gate)
        {
            while (_count <= index)
            {
                byte[] drawn = _drawn;
                if ((_count + 1) * Length > drawn.Length)
                {
                    Array.Resize(ref drawn, 2 * drawn.Length);
                    Volatile.Write(ref _drawn, drawn);
                }

                // One draw into a nonce's array per nonce, as the phone's own generator was asked.
                _random.NextBytes(_next);
                Buffer.BlockCopy(_next, 0, drawn, _count * Length, Length);
                Volatile.Write(ref _count, _count + 1);
            }
        }
    }
}
