using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;

namespace LockFirmware.Benchmarks.Suites;

/// <summary>
/// The simulator's SHA-256 (simulator/LockFirmware.Protocol): one block folded by the managed
/// compression and by libcrypto's SHA256_Transform (the CPU's SHA instructions), then one
/// HMAC of the 12 bytes an unlock command is signed over ("LOCK-CMD" and 4 signed bytes) by a
/// keyed-once <see cref="HmacKey"/> on each path, keyed for the one MAC (the backend's
/// <see cref="Mac"/>.Of), and by the platform's one-shot HMACSHA256.
/// The managed rows turn the native path off in their own setup, and only there.
/// </summary>
public class Sha256Benchmarks
{
    private readonly uint[] _context = new uint[Sha256Blocks.ContextWords];
    private readonly byte[] _block = new byte[Sha256Blocks.BlockBytes];
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _command = [.. Labels.Command, MessageType.Command, 1, 0, (byte)Opcode.Unlock];
    private readonly byte[] _mac = new byte[32];
    private HmacKey _keyed = null!;

    [GlobalSetup(Targets = [nameof(CompressManaged), nameof(HmacManaged)])]
    public void ManagedOnly()
    {
        Sha256Blocks.ManagedOnly = true;
        Prepare();
    }

    [GlobalSetup(Targets = [nameof(CompressNative), nameof(HmacNative), nameof(HmacKeyedPerCall), nameof(HmacPlatform)])]
    public void NativeWherePresent()
    {
        if (!Sha256Blocks.UsesNative)
        {
            throw new InvalidOperationException($"no native SHA-256 transform to time: {NativeSha256.Source}");
        }

        Prepare();
    }

    [GlobalCleanup]
    public void Restore() => Sha256Blocks.ManagedOnly = false;

    [Benchmark(Baseline = true, Description = "one block, managed")]
    public uint CompressManaged()
    {
        Sha256Blocks.Compress(_context, _block);
        return _context[0];
    }

    [Benchmark(Description = "one block, libcrypto SHA256_Transform")]
    public uint CompressNative()
    {
        Sha256Blocks.Compress(_context, _block);
        return _context[0];
    }

    [Benchmark(Description = "HMAC of 12 bytes, keyed once, managed")]
    public byte HmacManaged()
    {
        _keyed.Compute(_command, _mac);
        return _mac[0];
    }

    [Benchmark(Description = "HMAC of 12 bytes, keyed once, native blocks")]
    public byte HmacNative()
    {
        _keyed.Compute(_command, _mac);
        return _mac[0];
    }

    [Benchmark(Description = "HMAC of 12 bytes, keyed for it (Mac.Of)")]
    public byte HmacKeyedPerCall() => Mac.Of(_key, _command)[0];

    [Benchmark(Description = "HMAC of 12 bytes, HMACSHA256.HashData")]
    public byte HmacPlatform()
    {
        HMACSHA256.HashData(_key, _command, _mac);
        return _mac[0];
    }

    private void Prepare()
    {
        new Random(18).NextBytes(_block);
        new Random(2104).NextBytes(_key);
        Sha256Blocks.Initial.CopyTo(_context);
        _keyed = new HmacKey(_key);
    }
}
