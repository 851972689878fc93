using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Tracing;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>
/// A simulated phone's HELLO nonces are those of a generator seeded by its credential (the key
/// id's bytes), in order: phones with the same seed share the drawing, and each still gets its own
/// series from the start, whichever phone drew first and on whichever thread.
/// </summary>
public class PhoneNonceTests
{
    /// <summary>Sessions per phone: each send comes after the lock has closed the previous session, so each opens with a HELLO.</summary>
    private const int Sessions = 4;

    /// <summary>The first <paramref name="count"/> nonces of the generator a phone with <paramref name="keyId"/> is seeded with.</summary>
    private static List<byte[]> Expected(uint keyId, int count)
    {
        var random = new Random((int)keyId);
        var nonces = new List<byte[]>();
        for (int i = 0; i < count; i++)
        {
            byte[] nonce = new byte[ProtocolInfo.PhoneNonceLength];
            random.NextBytes(nonce);
            nonces.Add(nonce);
        }

        return nonces;
    }

    /// <summary>The nonces of the HELLOs one phone with <paramref name="keyId"/> writes to a lock of its own.</summary>
    private static List<byte[]> HelloNonces(uint keyId)
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone phone = SimulatedPhone.Staff(sim, keyId: keyId);
        for (int i = 0; i < Sessions; i++)
        {
            phone.Send(i * 2L * ProtocolInfo.SessionIdleTimeoutMs, Opcode.Status);
        }

        sim.RunUntil(Sessions * 2L * ProtocolInfo.SessionIdleTimeoutMs);
        Assert.Equal(Sessions, phone.Answered);

        var nonces = new List<byte[]>();
        var message = new List<byte>();
        foreach (TraceEvent e in sim.Trace.Events.Where(e => e.Signal == Signals.BleIn))
        {
            byte[] fragment = Convert.FromHexString(e.Value);
            message.AddRange(fragment.Skip(1));
            if ((fragment[0] & Fragment.Last) == 0)
            {
                continue;
            }

            if (message[0] == MessageType.Hello && message.Count == PhoneSession.HelloLength)
            {
                nonces.Add(message.Skip(PhoneSession.HelloLength - ProtocolInfo.PhoneNonceLength).ToArray());
            }

            message.Clear();
        }

        Assert.True(nonces.Count >= Sessions, $"{nonces.Count} HELLOs for {Sessions} sessions");
        return nonces;
    }

    [Fact]
    public void Each_phone_opens_its_sessions_with_the_nonces_of_its_own_seeded_generator()
    {
        List<byte[]> first = HelloNonces(keyId: 31);
        List<byte[]> second = HelloNonces(keyId: 31);
        List<byte[]> other = HelloNonces(keyId: 32);

        Assert.Equal(Expected(31, first.Count), first);
        Assert.Equal(Expected(31, second.Count), second);
        Assert.Equal(Expected(32, other.Count), other);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Phones_drawing_on_several_threads_at_once_each_get_the_whole_series()
    {
        List<byte[]>[] drawn = new List<byte[]>[8];
        Parallel.For(0, drawn.Length, i => drawn[i] = HelloNonces(keyId: 33));

        Assert.All(drawn, nonces => Assert.Equal(Expected(33, nonces.Count), nonces));
    }

    [Fact]
    public void Past_the_kept_nonces_a_phone_goes_on_with_the_same_series_from_a_generator_of_its_own()
    {
        const int seed = 34;
        List<byte[]> expected = Expected(seed, PhoneNonces.Kept + 3);
        var nonces = new PhoneNonces(seed);
        byte[] nonce = new byte[ProtocolInfo.PhoneNonceLength];

        Assert.True(nonces.TryCopyTo(PhoneNonces.Kept - 1, nonce));
        Assert.Equal(expected[PhoneNonces.Kept - 1], nonce);
        Assert.False(nonces.TryCopyTo(PhoneNonces.Kept, nonce));
        Assert.Equal(expected[PhoneNonces.Kept - 1], nonce);

        Random own = nonces.Beyond();
        for (int i = PhoneNonces.Kept; i < expected.Count; i++)
        {
            own.NextBytes(nonce);
            Assert.Equal(expected[i], nonce);
        }
    }

    [Fact]
    public void Past_the_most_seeds_shared_a_phone_with_a_new_seed_draws_its_own_series_from_the_start()
    {
        for (int seed = 1_000_000; seed < 1_000_000 + PhoneNonces.MostSeeds; seed++)
        {
            PhoneNonces.Shared(seed);
        }

        const uint fresh = 2_000_000;
        Assert.Null(PhoneNonces.Shared((int)fresh));
        List<byte[]> drawn = HelloNonces(keyId: fresh);
        Assert.Equal(Expected(fresh, drawn.Count), drawn);
    }
}
