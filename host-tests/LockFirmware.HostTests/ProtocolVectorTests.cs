using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator;

namespace LockFirmware.HostTests;

/// <summary>
/// docs/PROTOCOL.md's test vectors, read from the document itself (LockFirmware.ToolTests checks
/// them against the independent implementation that computed them, docs/protocol_vectors.py),
/// against both sides here: the backend/phone library (with .NET's
/// own AES) and the lock firmware in the simulator.
/// </summary>
public class ProtocolVectorTests
{
    private static readonly string Document = File.ReadAllText(RepositoryFiles.Path("docs/PROTOCOL.md"));
    private static readonly Dictionary<string, byte[]> Vectors = ReadVectors(VectorBlock(Document));
    private static readonly DateTimeOffset ValidFrom = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PairedAt = new(2026, 11, 23, 6, 59, 0, TimeSpan.Zero);

    private static string VectorBlock(string text)
    {
        int start = text.IndexOf("```vectors", StringComparison.Ordinal);
        int end = text.IndexOf("```", start + 3, StringComparison.Ordinal);
        return text[start..(end + 3)];
    }

    private static Dictionary<string, byte[]> ReadVectors(string block) => block.Split('\n').Skip(1)
        .Where(line => line.Contains(':'))
        .ToDictionary(line => line[..line.IndexOf(':')].Trim(), line => Convert.FromHexString(line[(line.IndexOf(':') + 1)..].Trim()));

    private static LockBackend Backend() => new(1001, Vectors["secret"]);

    private static IssuedCredential Credential() => Backend().Issue(new CredentialFields
    {
        LockId = 1001,
        KeyId = 7,
        UserId = 42,
        Role = Role.Staff,
        Organisation = 1,
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        DayStart = TimeSpan.FromHours(7),
        DayEnd = TimeSpan.FromHours(22),
        ValidFrom = ValidFrom,
        ValidUntil = ValidFrom.AddDays(30),
    });

    [Fact]
    public void The_backend_issues_the_documented_credential_key_and_time_token()
    {
        IssuedCredential credential = Credential();
        Assert.Equal(Vectors["credential"], credential.Credential);
        Assert.Equal(Vectors["credential key"], credential.Key);
        Assert.Equal(Vectors["time token"], Backend().TimeToken(ValidFrom.AddHours(7)));
    }

    [Fact]
    public void The_phone_builds_the_documented_hello_fragments_and_command()
    {
        var session = new PhoneSession(Credential(), () => Vectors["phone nonce"]);
        byte[] hello = session.Hello();
        Assert.Equal(Vectors["hello"], hello);
        var fragments = Fragments.Split(hello);
        Assert.Equal(3, fragments.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Vectors[$"hello fragment {i}"], fragments[i]);
        }

        session.OnChallenge([0x82, 0x00, .. Vectors["lock nonce"]]);
        Assert.Equal(Vectors["command unlock #1"], session.Command(Opcode.Unlock));
        CommandResponse response = session.ReadResponse(Vectors["response unlock #1 ok"]);
        Assert.Equal((1, Opcode.Unlock, ResultCode.Ok), (response.Counter, response.Opcode, response.Result));
        Assert.Equal(ResultCode.Replayed, session.ReadResponse(Vectors["response unlock #1 replayed"]).Result);
        LockEvent unlocked = session.ReadEvent(Vectors["event unlocked #1"]);
        Assert.True(unlocked.Authenticated);
        Assert.Equal(new StateChanged(Motor.LockState.Unlocked, Motor.MotorAlarm.None, Battery.BatteryLevel.Good) { Authenticated = true }, unlocked);
    }

    [Fact]
    public void The_back_office_seals_the_documented_pair_message_and_production_the_provision_message()
    {
        var unit = new UnitInfo(2, 0, 3, 1, Paired: false, Provisioned: true, PairingOpen: true, 0, "LK000042", Vectors["pairing nonce"]);
        Assert.Equal(Vectors["pair"], Backend().PairMessage(1, unit, Vectors["factory key"], PairedAt, Vectors["pair iv"]));
        Assert.Equal(Vectors["provision"], Provisioning.Message("LK000042", Vectors["factory key"], 10150));

        // .NET's AES opens what Python's AES sealed: the two ciphers agree.
        using Aes aes = Aes.Create();
        aes.Key = Vectors["pair encryption key"];
        byte[] sealedSecret = Vectors["pair"][26..58];
        Assert.Equal(Vectors["secret"], aes.DecryptCbc(sealedSecret, Vectors["pair iv"], PaddingMode.None));
    }

    [Fact]
    public void The_lock_answers_with_the_documented_nonce_response_and_event()
    {
        var setup = new LockSetup { LockId = 1001, Secret = Vectors["secret"], StartFraction = 0 };
        AssertLockFollowsTheVectors(new SimulatedLock(setup), []);
    }

    [Fact]
    public void A_unit_provisioned_and_paired_by_the_documented_messages_follows_the_same_vectors()
    {
        var sim = new SimulatedLock(new LockSetup { Provisioned = false, Paired = false, StartFraction = 0 });
        var link = new RawLink(sim);
        link.Send(Vectors["provision"]);
        Assert.Equal([0x86, 0x00], link.Last);
        link.LongPress();
        UnitInfo info = link.Info();
        Assert.Equal(("LK000042", true, true), (info.Serial, info.Provisioned, info.PairingOpen));
        Assert.Equal(Vectors["pairing nonce"], info.PairingNonce);
        AssertLockFollowsTheVectors(sim, ["pair"]);
    }

    private static void AssertLockFollowsTheVectors(SimulatedLock sim, string[] first)
    {
        var replies = new List<byte[]>();
        var reader = new NotificationReader();
        sim.Radio.Notified += n =>
        {
            byte[]? message = reader.Add(n, sim.Now);
            if (message != null)
            {
                replies.Add(message);
            }
        };

        foreach (string name in first.Concat(["time token", "hello", "command unlock #1", "command unlock #1"]))
        {
            foreach (byte[] fragment in Fragments.Split(Vectors[name]))
            {
                sim.Write(sim.Now, fragment);
            }

            sim.RunFor(10);
        }

        sim.RunFor(5_000);
        int n = first.Length;
        Assert.All(replies.Take(n), r => Assert.Equal([0x84, 0x00], r));
        Assert.Equal(new byte[] { 0x85, 0x00 }, replies[n]);
        Assert.Equal([0x82, 0x00, .. Vectors["lock nonce"]], replies[n + 1]);
        Assert.Equal(Vectors["response unlock #1 ok"], replies[n + 2]);
        Assert.Equal(Vectors["response unlock #1 replayed"], replies[n + 3]);
        Assert.Equal(Vectors["event unlocked #1"], replies[n + 4]);
    }
}
