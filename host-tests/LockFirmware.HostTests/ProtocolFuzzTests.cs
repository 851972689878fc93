using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Tracing;

namespace LockFirmware.HostTests;

/// <summary>
/// Issue 5's fuzzing: random fragments, and valid messages with bits flipped, cut short or
/// grown, thrown at a paired lock. Nothing may escape as an exception, nothing may move the
/// motor or change the pairing, and every complete message gets an error answer.
/// LOCK_FUZZ_ITERATIONS sets the length (CI default below; README documents a longer run).
/// </summary>
public class ProtocolFuzzTests
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("LOCK_FUZZ_ITERATIONS"), out int n) ? n : 20_000;

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    public void Random_and_mutated_input_never_moves_the_motor_or_changes_state(int seed)
    {
        var random = new Random(seed);
        var sim = new SimulatedLock(new LockSetup { StartFraction = 0 });
        var backend = new LockBackend(sim.Setup.LockId, sim.Setup.Secret);
        IssuedCredential credential = backend.Issue(new CredentialFields
        {
            LockId = sim.Setup.LockId, KeyId = 5, UserId = 5, ValidFrom = sim.Setup.Epoch.AddHours(-1), ValidUntil = sim.Setup.Epoch.AddDays(1),
        });
        var session = new PhoneSession(credential);
        var valid = new List<byte[]> { backend.TimeToken(sim.WallTime), session.Hello(), new[] { MessageType.Info } };
        session.OnChallenge([0x82, 0x00, .. new byte[16]]);
        valid.Add(session.Command(Opcode.Unlock));
        valid.Add(session.Command(Opcode.RevokeKeys, BitConverter.GetBytes(5u)));
        var answers = new List<byte[]>();
        var reader = new NotificationReader();
        sim.Radio.Notified += n =>
        {
            byte[]? message = reader.Add(n, sim.Now);
            if (message != null)
            {
                answers.Add(message);
            }
        };

        for (int i = 0; i < Iterations; i++)
        {
            foreach (byte[] fragment in Next(random, valid))
            {
                sim.Write(sim.Now, fragment);
            }

            sim.RunFor(random.Next(0, 50));
        }

        sim.RunFor(3_000);
        Assert.DoesNotContain(sim.Trace.Events.On(Signals.Motor), e => e.Value is "unlock" or "lock");
        Assert.True(sim.Core.Protocol.IsPaired);
        Assert.Equal(LockFirmware.Motor.LockState.Unknown, sim.Core.State);
        // INFO, the genuine time token and a genuine credential's HELLO may succeed (a challenge
        // is worth nothing without the credential key); no command was ever accepted, no PAIR.
        // Answers to COMMAND are MAC'd under the session a genuine HELLO opened, and refuse.
        Assert.DoesNotContain(answers, a => a[0] == 0x83 && Result(a) == ResultCode.Ok);
        Assert.DoesNotContain(answers, a => a[0] is 0x84 or 0x86 && a[1] == (byte)ResultCode.Ok);
        Assert.All(answers.Where(a => a[0] is not (0x81 or 0x82 or 0x85) && a[0] != MessageType.Event), a => Assert.NotEqual(ResultCode.Ok, Result(a)));
        Assert.DoesNotContain(answers, a => a[0] == MessageType.Event); // nothing moved, so no event: an error never looks like one
        Assert.True(answers.Count > Iterations / 4, $"only {answers.Count} answers");
    }

    private static ResultCode Result(byte[] answer) => (ResultCode)(answer[0] == 0x83 && answer.Length > 2 ? answer[4] : answer[1]);

    /// <summary>One input: random bytes, or a valid message mutated, as fragments (sometimes out of order).</summary>
    private static List<byte[]> Next(Random random, List<byte[]> valid)
    {
        if (random.Next(3) == 0)
        {
            byte[] noise = new byte[random.Next(0, 25)];
            random.NextBytes(noise);
            return [noise];
        }

        byte[] message = (byte[])valid[random.Next(valid.Count)].Clone();
        switch (random.Next(4))
        {
            case 0:
                message[random.Next(message.Length)] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                message = message[..random.Next(1, message.Length + 1)];
                break;
            case 2:
                byte[] longer = new byte[Math.Min(255, message.Length + random.Next(1, 40))];
                random.NextBytes(longer);
                message.CopyTo(longer, 0);
                message = longer;
                break;
            default:
                message[0] = (byte)random.Next(256);
                break;
        }

        List<byte[]> fragments = Fragments.Split(message, random.Next(2, 21));
        if (fragments.Count > 1 && random.Next(4) == 0)
        {
            (fragments[0], fragments[^1]) = (fragments[^1], fragments[0]);
        }

        return fragments;
    }
}
