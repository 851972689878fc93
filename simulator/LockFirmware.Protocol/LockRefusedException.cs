using System;
using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>The lock answered a message with an error code.</summary>
public sealed class LockRefusedException : Exception
{
    public LockRefusedException(byte messageType, ResultCode result)
        : base($"the lock refused message 0x{messageType:X2}: {result}")
    {
        MessageType = messageType;
        Result = result;
    }

    public byte MessageType { get; }

    public ResultCode Result { get; }
}
