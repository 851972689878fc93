using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// Seals a lock secret into a PAIR message for one unit (docs/PROTOCOL.md, "Pairing"):
/// AES-128-CBC under HMAC(factoryKey, "LOCK-PAIR-ENC")[..16], then
/// HMAC(HMAC(factoryKey, "LOCK-PAIR-MAC"), "LOCK-PAIR" || serial || pairingNonce || body)[..16].
/// </summary>
public static class PairingSeal
{
    /// <summary>Length of a PAIR message.</summary>
    public const int MessageLength = 1 + 4 + 1 + 4 + 16 + PairingState.SecretLength + ProtocolInfo.PairMacLength;

    public static byte[] Seal(byte[] factoryKey, string serial, byte[] pairingNonce, uint lockId, byte organisation, uint unixTime, byte[] secret, byte[] iv)
    {
        if (factoryKey.Length != UnitIdentity.FactoryKeyLength || pairingNonce.Length != ProtocolInfo.PairingNonceLength
            || secret.Length != PairingState.SecretLength || iv.Length != 16)
        {
            throw new ArgumentException("factory key 32, pairing nonce 16, secret 32 and IV 16 bytes");
        }

        byte[] message = new byte[MessageLength];
        message[0] = MessageType.Pair;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(1), lockId);
        message[5] = organisation;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(6), unixTime);
        iv.CopyTo(message, 10);
        using (Aes aes = Aes.Create())
        {
            aes.Key = Mac.Of(factoryKey, Labels.PairEncryptionKey)[..16];
            aes.EncryptCbc(secret, iv, message.AsSpan(26, PairingState.SecretLength), PaddingMode.None);
        }

        byte[] macKey = Mac.Of(factoryKey, Labels.PairMacKey);
        byte[] mac = Mac.Of(macKey, Labels.Pair, SerialBytes(serial), pairingNonce, message[1..58]);
        mac.AsSpan(0, ProtocolInfo.PairMacLength).CopyTo(message.AsSpan(58));
        return message;
    }

    /// <summary>
    /// The back office's side of a PAIR it sent (or one it sees on a link to a unit whose
    /// factory key it holds): the lock secret inside, or null when <paramref name="message"/>
    /// is not a PAIR sealed with that key for that serial and nonce.
    /// </summary>
    public static byte[]? Open(byte[] factoryKey, string serial, byte[] pairingNonce, byte[] message)
    {
        if (message.Length != MessageLength || message[0] != MessageType.Pair || factoryKey.Length != UnitIdentity.FactoryKeyLength)
        {
            return null;
        }

        byte[] mac = Mac.Of(Mac.Of(factoryKey, Labels.PairMacKey), Labels.Pair, SerialBytes(serial), pairingNonce, message[1..58]);
        if (!CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, ProtocolInfo.PairMacLength), message.AsSpan(58)))
        {
            return null;
        }

        byte[] secret = new byte[PairingState.SecretLength];
        using (Aes aes = Aes.Create())
        {
            aes.Key = Mac.Of(factoryKey, Labels.PairEncryptionKey)[..16];
            aes.DecryptCbc(message.AsSpan(26, PairingState.SecretLength), message.AsSpan(10, 16), secret, PaddingMode.None);
        }

        return secret;
    }

    /// <summary>A serial as the unit holds it: 8 ASCII bytes, padded with spaces.</summary>
    public static byte[] SerialBytes(string serial)
    {
        if (serial.Length is 0 or > UnitIdentity.SerialLength)
        {
            throw new ArgumentException("a serial is 1 to 8 ASCII characters", nameof(serial));
        }

        return Encoding.ASCII.GetBytes(serial.PadRight(UnitIdentity.SerialLength));
    }
}
