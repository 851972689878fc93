using System;
using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>Reassembles the lock's notifications into messages, with the same rules the lock applies.</summary>
public sealed class NotificationReader
{
    private readonly FragmentAssembler _assembler = new();

    /// <summary>Buffers lent by <see cref="AddLent"/>, by length; taken out while lent, so a handler that leads to another message gets another buffer.</summary>
    [ThreadStatic]
    private static byte[]?[]? t_lent;

    /// <summary>Adds one notification; returns the whole message when it completes, else null.</summary>
    public byte[]? Add(byte[] notification, long nowMs) =>
        Assemble(notification, nowMs) ? _assembler.Message.AsSpan(0, _assembler.Length).ToArray() : null;

    /// <summary>
    /// As <see cref="Add"/>, but the message is lent, not copied for the caller to keep: hand it
    /// back with <see cref="Return"/> when done with it, on the same thread, and keep nothing of
    /// it (a fleet's phones read every answer and event once).
    /// </summary>
    public byte[]? AddLent(byte[] notification, long nowMs)
    {
        if (!Assemble(notification, nowMs))
        {
            return null;
        }

        byte[]?[] lent = t_lent ??= new byte[]?[Fragment.MaxMessage + 1];
        int length = _assembler.Length;
        byte[] message = lent[length] ?? new byte[length];
        lent[length] = null;
        _assembler.Message.AsSpan(0, length).CopyTo(message);
        return message;
    }

    /// <summary>Takes back a message lent by <see cref="AddLent"/> for the next one of its length.</summary>
    public static void Return(byte[] message)
    {
        byte[]?[]? lent = t_lent;
        if (lent != null && message.Length < lent.Length)
        {
            lent[message.Length] = message;
        }
    }

    private bool Assemble(byte[] notification, long nowMs)
    {
        AssemblyResult result = _assembler.Add(notification, notification.Length, nowMs);
        return result switch
        {
            AssemblyResult.Complete => true,
            AssemblyResult.Pending => false,
            _ => throw new ProtocolViolationException($"notification stream broken: {result}"),
        };
    }
}
