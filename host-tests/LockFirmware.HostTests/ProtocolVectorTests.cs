using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator;

namespace LockFirmware.HostTests;

/// <summary>
/// docs/PROTOCOL.md's test vectors, read from the document itself, against both sides: the
/// backend/phone library and the lock firmware (in the simulator).
/// </summary>
public class ProtocolVectorTests
{
    private static readonly Dictionary<string, byte[]> Vectors = ReadVectors();
    private static readonly DateTimeOffset ValidFrom = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, byte[]> ReadVectors()
    {
        string text = File.ReadAllText(RepositoryFiles.Path("docs/PROTOCOL.md"));
        int start = text.IndexOf("```vectors", StringComparison.Ordinal);
        int end = text.IndexOf("```", start + 3, StringComparison.Ordinal);
        return text[start..end].Split('\n').Skip(1)
            .Where(line => line.Contains(':'))
            .ToDictionary(line => line[..line.IndexOf(':')].Trim(), line => Convert.FromHexString(line[(line.IndexOf(':') + 1)..].Trim()));
    }

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
    }

    [Fact]
    public void The_lock_answers_with_the_documented_nonce_and_response()
    {
        var setup = new LockSetup { LockId = 1001, Secret = Vectors["secret"], StartFraction = 0 };
        var sim = new SimulatedLock(setup);
        var replies = new List<byte[]>();
        var reader = new NotificationReader();
        sim.Radio.Notified += n =>
        {
            byte[]? message = reader.Add(n, sim.Now);
            if (message != null && !LockEvent.IsEvent(message))
            {
                replies.Add(message);
            }
        };

        foreach (string name in new[] { "time token", "hello", "command unlock #1" })
        {
            foreach (byte[] fragment in Fragments.Split(Vectors[name]))
            {
                sim.Write(sim.Now, fragment);
            }

            sim.RunFor(10);
        }

        Assert.Equal(new byte[] { 0x85, 0x00 }, replies[0]);
        Assert.Equal([0x82, 0x00, .. Vectors["lock nonce"]], replies[1]);
        Assert.Equal(Vectors["response unlock #1 ok"], replies[2]);
    }
}
