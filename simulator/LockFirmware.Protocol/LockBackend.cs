using System;
using System.Buffers.Binary;
using LockFirmware.Ble;
using LockFirmware.Security;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// The backend's side: it knows each lock's secret (set at pairing) and issues credentials
/// and time tokens for phones to carry. Nothing here talks to a lock.
/// </summary>
public sealed class LockBackend
{
    private readonly byte[] _secret;

    public LockBackend(uint lockId, byte[] secret)
    {
        if (secret.Length != 32)
        {
            throw new ArgumentException("a lock secret is 32 bytes", nameof(secret));
        }

        LockId = lockId;
        _secret = (byte[])secret.Clone();
    }

    public uint LockId { get; }

    public IssuedCredential Issue(CredentialFields fields)
    {
        if (fields.LockId != LockId)
        {
            throw new ArgumentException($"credential for lock {fields.LockId} asked of lock {LockId}'s backend");
        }

        if (fields.ValidUntil <= fields.ValidFrom)
        {
            throw new ArgumentException("the validity window is empty");
        }

        byte[] credential = new byte[Credential.Size];
        Span<byte> c = credential;
        BinaryPrimitives.WriteUInt32LittleEndian(c[0..], fields.LockId);
        BinaryPrimitives.WriteUInt32LittleEndian(c[4..], fields.KeyId);
        BinaryPrimitives.WriteUInt32LittleEndian(c[8..], fields.UserId);
        c[12] = (byte)fields.Role;
        c[13] = fields.Organisation;
        c[14] = WeekdayMask(fields.Days);
        c[15] = 0xFF;
        BinaryPrimitives.WriteUInt16LittleEndian(c[16..], (ushort)fields.DayStart.TotalMinutes);
        BinaryPrimitives.WriteUInt16LittleEndian(c[18..], (ushort)fields.DayEnd.TotalMinutes);
        BinaryPrimitives.WriteUInt32LittleEndian(c[20..], (uint)fields.ValidFrom.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt32LittleEndian(c[24..], (uint)fields.ValidUntil.ToUnixTimeSeconds());
        byte[] tag = Mac.Of(_secret, Labels.Credential, credential[..Credential.FieldsLength]);
        tag.AsSpan(0, Credential.TagLength).CopyTo(c[Credential.FieldsLength..]);
        byte[] key = Mac.Of(_secret, Labels.CredentialKey, credential);
        return new IssuedCredential(credential, key);
    }

    /// <summary>A SET_TIME message any phone can carry to the lock.</summary>
    public byte[] TimeToken(DateTimeOffset time)
    {
        byte[] message = new byte[1 + 4 + 4 + Credential.TagLength];
        message[0] = MessageType.SetTime;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(1), (uint)time.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(5), LockId);
        byte[] tag = Mac.Of(_secret, Labels.Time, message[1..9]);
        tag.AsSpan(0, Credential.TagLength).CopyTo(message.AsSpan(9));
        return message;
    }

    /// <summary>The PAIR message an installer's tool sends while the unit's pairing window is open.</summary>
    public byte[] PairMessage(byte organisation)
    {
        byte[] message = new byte[1 + 4 + 1 + 32];
        message[0] = MessageType.Pair;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(1), LockId);
        message[5] = organisation;
        _secret.CopyTo(message, 6);
        return message;
    }

    private static byte WeekdayMask(DayOfWeek[] days)
    {
        int mask = 0;
        foreach (DayOfWeek day in days)
        {
            // Bit 0 is Monday.
            mask |= 1 << (((int)day + 6) % 7);
        }

        return (byte)mask;
    }
}
