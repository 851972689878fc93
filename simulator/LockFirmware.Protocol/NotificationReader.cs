using System;
using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>Reassembles the lock's notifications into messages, with the same rules the lock applies.</summary>
public sealed class NotificationReader
{
    private readonly FragmentAssembler _assembler = new();

    /// <summary>Adds one notification; returns the whole message when it completes, else null.</summary>
    public byte[]? Add(byte[] notification, long nowMs)
    {
        AssemblyResult result = _assembler.Add(notification, notification.Length, nowMs);
        return result switch
        {
            AssemblyResult.Complete => _assembler.Message.AsSpan(0, _assembler.Length).ToArray(),
            AssemblyResult.Pending => null,
            _ => throw new ProtocolViolationException($"notification stream broken: {result}"),
        };
    }
}
