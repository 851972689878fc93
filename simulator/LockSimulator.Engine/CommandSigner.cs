using LockFirmware;
using System;
using System.Security.Cryptography;
using LockFirmware.Ble;

namespace LockSimulator;

/// <summary>
/// The phone's side of the walking skeleton's command frame (see LockFirmware.Ble.CommandFrame):
/// numbers each command and appends its tag. The BLE protocol issue replaces it with the
/// protocol library.
/// </summary>
public sealed class CommandSigner
{
    private readonly byte[] _secret;

    public CommandSigner(byte[] secret, uint firstCounter = 1)
    {
        _secret = (byte[])secret.Clone();
        NextCounter = firstCounter;
    }

    public uint NextCounter { get; set; }

    public byte[] Build(Opcode opcode, ReadOnlySpan<byte> payload = default)
    {
        int signed = CommandFrame.PayloadOffset + payload.Length;
        byte[] frame = new byte[signed + CommandFrame.TagLength];
        frame[CommandFrame.OpcodeOffset] = (byte)opcode;
        Bytes.WriteUInt32(frame, CommandFrame.CounterOffset, NextCounter++);
        payload.CopyTo(frame.AsSpan(CommandFrame.PayloadOffset));
        byte[] mac = HMACSHA256.HashData(_secret, frame.AsSpan(0, signed));
        mac.AsSpan(0, CommandFrame.TagLength).CopyTo(frame.AsSpan(signed));
        return frame;
    }
}
