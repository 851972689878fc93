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
/// a reader sees the bytes of every nonce counted. What is shared stays bounded in a server that
/// runs for long: a seed keeps its first <see cref="Kept"/> nonces, a phone past them draws from a
/// generator of its own (<see cref="Beyond"/>), and past <see cref="MostSeeds"/> seeds a phone with
/// a new seed draws from a generator of its own from the start.
/// </summary>
public sealed class PhoneNonces
{
    /// <summary>Nonces kept per seed (8 bytes each): 16 HELLOs a phone-day, so about eight months of a staff phone's days.</summary>
    public const int Kept = 4096;

    /// <summary>Seeds whose nonces are shared; a phone with another seed keeps its series to itself.</summary>
    public const int MostSeeds = 256;

    private const int Length = ProtocolInfo.PhoneNonceLength;

    private static readonly ConcurrentDictionary<int, PhoneNonces> BySeed = new();

    private readonly object _gate = new();
    private readonly int _seed;
    private readonly Random _random;
    private readonly byte[] _next = new byte[Length];

    /// <summary>The nonces drawn so far, one after another; a larger copy replaces it, published before the count that needs it.</summary>
    private byte[] _drawn = new byte[16 * Length];
    private int _count;

    /// <summary>The nonces of the generator seeded with <paramref name="seed"/>, not shared (<see cref="Shared"/> gives the shared ones).</summary>
    public PhoneNonces(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The shared nonces of the generator seeded with <paramref name="seed"/>; null past <see cref="MostSeeds"/> seeds (draw from a generator of your own).</summary>
    public static PhoneNonces? Shared(int seed)
    {
        if (BySeed.TryGetValue(seed, out PhoneNonces? shared))
        {
            return shared;
        }

        // Count takes every lock of the dictionary: asked only for a seed not seen yet.
        return BySeed.Count < MostSeeds ? BySeed.GetOrAdd(seed, static s => new PhoneNonces(s)) : null;
    }

    /// <summary>
    /// Writes nonce number <paramref name="index"/> (from 0) into <paramref name="nonce"/>; false,
    /// writing nothing, from <see cref="Kept"/> on (draw those from <see cref="Beyond"/>).
    /// </summary>
    public bool TryCopyTo(int index, byte[] nonce)
    {
        if ((uint)index >= Kept)
        {
            return false;
        }

        if (index >= Volatile.Read(ref _count))
        {
            DrawThrough(index);
        }

        Buffer.BlockCopy(Volatile.Read(ref _drawn), index * Length, nonce, 0, Length);
        return true;
    }

    /// <summary>A generator of the seed's own that gives nonce number <see cref="Kept"/> next, then the ones after it.</summary>
    public Random Beyond()
    {
        var random = new Random(_seed);
        byte[] skipped = new byte[Length];
        for (int i = 0; i < Kept; i++)
        {
            random.NextBytes(skipped);
        }

        return random;
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
