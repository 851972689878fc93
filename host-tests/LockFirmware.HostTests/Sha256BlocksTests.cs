using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LockFirmware.Ports;
using LockFirmware.Protocol.Client;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 18: libcrypto's SHA256_Transform (the CPU's SHA instructions) and the managed
/// compression give the same bytes, and the HMAC is still the platform's when only the managed
/// one runs. The only class that switches the native path off: xunit runs its tests one at a
/// time, and any other test that hashes meanwhile gets the same bytes either way.
/// </summary>
public class Sha256BlocksTests
{
    // FIPS 180-4's examples (NIST's SHA-256 example values): one block, two blocks, and a million 'a'.
    public static TheoryData<string, int, string> FipsExamples => new()
    {
        { "abc", 1, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1" },
        { "a", 1_000_000, "CDC76E5C9914FB9281A1C7E284D73E67F1809A48A497200E046D39CCC7112CD0" },
        { "", 1, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855" },
    };

    [Fact]
    public void Linux_x64_where_CI_runs_has_the_native_transform()
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            Assert.True(Sha256Blocks.UsesNative, $"libcrypto's SHA256_Transform is missing on Linux x64: {NativeSha256.Source}");
        }
        else
        {
            // Elsewhere either path may run; what must hold is that the choice says why.
            Assert.NotEqual("", NativeSha256.Source);
        }
    }

    [Theory]
    [MemberData(nameof(FipsExamples))]
    public void Both_compressions_give_the_FIPS_digests(string text, int repeat, string digest)
    {
        var builder = new StringBuilder(text.Length * repeat);
        for (int i = 0; i < repeat; i++)
        {
            builder.Append(text);
        }

        byte[] message = Encoding.ASCII.GetBytes(builder.ToString());

        Assert.Equal(digest, Convert.ToHexString(Hash(message, managedOnly: false)));
        Assert.Equal(digest, Convert.ToHexString(Hash(message, managedOnly: true)));
    }

    [Fact]
    public void Random_messages_of_one_to_five_blocks_give_the_platforms_digest_on_both_paths()
    {
        var random = new Random(18);
        for (int round = 0; round < 2_000; round++)
        {
            byte[] message = new byte[(1 + round % 5) * Sha256Blocks.BlockBytes - random.Next(0, 9)];
            random.NextBytes(message);
            string expected = Convert.ToHexString(SHA256.HashData(message));

            Assert.Equal(expected, Convert.ToHexString(Hash(message, managedOnly: false)));
            Assert.Equal(expected, Convert.ToHexString(Hash(message, managedOnly: true)));
        }
    }

    [Fact]
    public void Thousands_of_random_keys_and_messages_give_the_platforms_HMAC_on_both_paths()
    {
        var random = new Random(2104);
        for (int round = 0; round < 3_000; round++)
        {
            byte[] key = new byte[random.Next(0, 140)];
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(key);
            random.NextBytes(message);
            string expected = Convert.ToHexString(HMACSHA256.HashData(key, message));

            Assert.Equal(expected, Convert.ToHexString(Mac(key, message, managedOnly: false)));
            Assert.Equal(expected, Convert.ToHexString(Mac(key, message, managedOnly: true)));
        }
    }

    [Fact]
    public void With_the_native_transform_off_the_managed_path_runs_and_keys_made_under_either_path_agree()
    {
        var random = new Random(7);
        byte[] key = new byte[32];
        byte[] message = new byte[57];
        random.NextBytes(key);
        random.NextBytes(message);
        IKeyedMac keyedNatively = new HostMacFactory().Create(key, 0, key.Length);
        try
        {
            Sha256Blocks.ManagedOnly = true;
            Assert.False(Sha256Blocks.UsesNative);
            IKeyedMac keyedManaged = new HostMacFactory().Create(key, 0, key.Length);
            byte[] managed = new byte[32];
            byte[] crossed = new byte[32];
            keyedManaged.Compute(message, 0, message.Length, managed, 0);
            keyedNatively.Compute(message, 0, message.Length, crossed, 0);

            Assert.Equal(HMACSHA256.HashData(key, message), managed);
            Assert.Equal(managed, crossed);
        }
        finally
        {
            Sha256Blocks.ManagedOnly = false;
        }
    }

    [Fact]
    public void A_context_shorter_than_OpenSSLs_or_a_partial_block_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Sha256Blocks.Compress(new uint[Sha256Blocks.StateWords], new byte[Sha256Blocks.BlockBytes]));
        Assert.Throws<ArgumentException>(() => Sha256Blocks.Compress(new uint[Sha256Blocks.ContextWords], new byte[Sha256Blocks.BlockBytes + 1]));
    }

    private static byte[] Hash(byte[] message, bool managedOnly)
    {
        uint[] context = new uint[Sha256Blocks.ContextWords];
        Sha256Blocks.Initial.CopyTo(context);
        byte[] digest = new byte[32];
        Sha256Blocks.ManagedOnly = managedOnly;
        try
        {
            Sha256Blocks.Finish(context, 0, message, digest);
        }
        finally
        {
            Sha256Blocks.ManagedOnly = false;
        }

        return digest;
    }

    private static byte[] Mac(byte[] key, byte[] message, bool managedOnly)
    {
        byte[] mac = new byte[32];
        Sha256Blocks.ManagedOnly = managedOnly;
        try
        {
            new HostMacFactory().Create(key, 0, key.Length).Compute(message, 0, message.Length, mac, 0);
        }
        finally
        {
            Sha256Blocks.ManagedOnly = false;
        }

        return mac;
    }
}
