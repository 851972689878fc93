using System;
using System.Buffers.Binary;
using System.Text;
using LockFirmware.Ble;
using LockFirmware.Protocol;

namespace LockFirmware.Protocol.Client;

/// <summary>The lock's answer to INFO (unauthenticated: use it to find and pair a unit, never to trust its state).</summary>
public sealed record UnitInfo(byte ProtocolVersion, byte FirmwareMajor, byte FirmwareMinor, byte HardwareRevision,
    bool Paired, bool Provisioned, bool PairingOpen, uint LockId, string Serial, byte[] PairingNonce)
{
    /// <summary>The INFO request.</summary>
    public static byte[] Request() => [MessageType.Info];

    public static UnitInfo Parse(byte[] message)
    {
        if (message.Length != 19 + ProtocolInfo.PairingNonceLength || message[0] != (MessageType.Info | MessageType.ResponseFlag) || message[1] != 0)
        {
            throw new ProtocolViolationException("not an answer to INFO");
        }

        byte flags = message[6];
        return new UnitInfo(message[2], message[3], message[4], message[5],
            (flags & ProtocolInfo.InfoPaired) != 0, (flags & ProtocolInfo.InfoProvisioned) != 0, (flags & ProtocolInfo.InfoPairingOpen) != 0,
            BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(7)), Encoding.ASCII.GetString(message, 11, 8).TrimEnd(' '), message[19..]);
    }
}
