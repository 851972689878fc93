using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// The backend's side: it knows each lock's secret (set at pairing) and issues credentials
/// and time tokens for phones to carry, and the sealed PAIR message for an installer's tool.
/// Nothing here talks to a lock.
/// </summary>
public sealed class LockBackend
{
    private const int MinutesPerDay = 24 * 60;

    private readonly byte[] _secret;

    public LockBackend(uint lockId, byte[] secret)
    {
        if (secret.Length != PairingState.SecretLength)
        {
            throw new ArgumentException("a lock secret is 32 bytes", nameof(secret));
        }

        LockId = lockId;
        _secret = (byte[])secret.Clone();
    }

    public uint LockId { get; }

    /// <summary>A fresh random secret: pair every time with a new one (it voids every credential made before).</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(PairingState.SecretLength);

    /// <summary>
    /// Issues a credential. Refused (ArgumentException): another lock's id, an empty validity
    /// window, a daily window without days, or a daily window that is empty or wraps midnight
    /// (the lock never wraps: issue two credentials for a night shift).
    /// </summary>
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

        UnixSeconds(fields.ValidFrom, nameof(fields.ValidFrom));
        UnixSeconds(fields.ValidUntil, nameof(fields.ValidUntil));
        (int start, int end) = DailyWindow(fields);

        byte[] credential = new byte[Credential.Size];
        Span<byte> c = credential;
        BinaryPrimitives.WriteUInt32LittleEndian(c[0..], fields.LockId);
        BinaryPrimitives.WriteUInt32LittleEndian(c[4..], fields.KeyId);
        BinaryPrimitives.WriteUInt32LittleEndian(c[8..], fields.UserId);
        c[12] = (byte)fields.Role;
        c[13] = fields.Organisation;
        c[14] = WeekdayMask(fields.Days);
        c[15] = 0xFF;
        BinaryPrimitives.WriteUInt16LittleEndian(c[16..], (ushort)start);
        BinaryPrimitives.WriteUInt16LittleEndian(c[18..], (ushort)end);
        BinaryPrimitives.WriteUInt32LittleEndian(c[20..], (uint)fields.ValidFrom.ToUnixTimeSeconds());
        BinaryPrimitives.WriteUInt32LittleEndian(c[24..], (uint)fields.ValidUntil.ToUnixTimeSeconds());
        byte[] tag = Mac.Of(_secret, Labels.Credential, credential[..Credential.FieldsLength]);
        tag.AsSpan(0, Credential.TagLength).CopyTo(c[Credential.FieldsLength..]);
        byte[] key = Mac.Of(_secret, Labels.CredentialKey, credential);
        return new IssuedCredential(credential, key);
    }

    /// <summary>
    /// A SET_TIME message a phone carries to the lock. A staff-level token may move the lock's
    /// clock forward only a bounded step; sign <see cref="Role.Installer"/> (or Admin) level only
    /// for installers and administrators, and never a time other than the backend's own now
    /// unless one of them asks for it: a future token locks staff out until that time comes.
    /// </summary>
    public byte[] TimeToken(DateTimeOffset time, Role authority = Role.Staff)
    {
        if (!Enum.IsDefined(authority))
        {
            throw new ArgumentException("authority must be Staff, Installer or Admin", nameof(authority));
        }

        byte[] message = new byte[1 + 4 + 4 + 1 + Credential.TagLength];
        message[0] = MessageType.SetTime;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(1), UnixSeconds(time, nameof(time)));
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(5), LockId);
        message[9] = (byte)authority;
        byte[] tag = Mac.Of(_secret, Labels.Time, message[1..10]);
        tag.AsSpan(0, Credential.TagLength).CopyTo(message.AsSpan(10));
        return message;
    }

    /// <summary>
    /// The PAIR message for the unit an installer holds open: this backend's lock id and secret,
    /// sealed with the unit's factory key for the pairing nonce the unit's INFO reported, and
    /// the backend's time (which becomes the lock's time and high-water mark).
    /// </summary>
    public byte[] PairMessage(byte organisation, UnitInfo unit, byte[] factoryKey, DateTimeOffset time, byte[]? iv = null)
    {
        if (!unit.PairingOpen)
        {
            throw new ArgumentException("the unit's pairing window is not open: hold its button for 5 s and read INFO again", nameof(unit));
        }

        return PairingSeal.Seal(factoryKey, unit.Serial, unit.PairingNonce, LockId, organisation, UnixSeconds(time, nameof(time)), _secret, iv ?? RandomNumberGenerator.GetBytes(16));
    }

    private static uint UnixSeconds(DateTimeOffset time, string name)
    {
        long seconds = time.ToUnixTimeSeconds();
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentException("times on the wire are 1970 … 2106", name);
        }

        return (uint)seconds;
    }

    private static (int Start, int End) DailyWindow(CredentialFields fields)
    {
        double start = fields.DayStart.TotalMinutes;
        double end = fields.DayEnd.TotalMinutes;
        if (start != Math.Floor(start) || end != Math.Floor(end))
        {
            throw new ArgumentException("the daily window is in whole minutes");
        }

        if (fields.Days.Length == 0)
        {
            // A weekday mask of 0 means any day at any time: a daily window without days would be silently ignored.
            if (start != 0 || end != MinutesPerDay)
            {
                throw new ArgumentException("a daily window needs days: name the days it applies to");
            }

            return (0, MinutesPerDay);
        }

        if (start < 0 || end > MinutesPerDay || start >= end)
        {
            throw new ArgumentException("the daily window must satisfy 00:00 ≤ start < end ≤ 24:00 (it never wraps midnight)");
        }

        return ((int)start, (int)end);
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
