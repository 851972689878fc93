using System;
using System.Security.Cryptography;
using LockFirmware.Ports;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>Issue 18: the simulator's managed, keyed-once HMAC gives the platform's HMAC-SHA256 bytes.</summary>
public class HostMacFactoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(100)]
    public void Every_message_length_across_the_block_edges_gives_the_platforms_HMAC(int keyLength)
    {
        var random = new Random(keyLength);
        byte[] key = new byte[keyLength + 7];
        random.NextBytes(key);
        IKeyedMac mac = new HostMacFactory().Create(key, 3, keyLength);

        for (int length = 0; length <= 200; length++)
        {
            byte[] data = new byte[length + 5];
            random.NextBytes(data);
            byte[] output = new byte[40];
            mac.Compute(data, 2, length, output, 4);

            byte[] expected = HMACSHA256.HashData(key.AsSpan(3, keyLength), data.AsSpan(2, length));
            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(output, 4, 32));
        }
    }

    [Fact]
    public void A_keyed_MAC_is_reused_without_carrying_anything_over()
    {
        byte[] key = new byte[32];
        IKeyedMac mac = new HostMacFactory().Create(key, 0, 32);
        byte[] first = new byte[32];
        byte[] again = new byte[32];
        mac.Compute([1, 2, 3], 0, 3, first, 0);
        mac.Compute(new byte[100], 0, 100, new byte[32], 0);
        mac.Compute([1, 2, 3], 0, 3, again, 0);

        Assert.Equal(first, again);
        Assert.Equal(HMACSHA256.HashData(key, new byte[] { 1, 2, 3 }), first);
    }
}
