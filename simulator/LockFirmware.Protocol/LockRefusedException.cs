using System;
using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// The lock answered a message with an error code. <see cref="Authenticated"/> says whether the
/// answer carried a MAC this phone verified; an unauthenticated refusal may come from anyone
/// and only means "not done": retry or say HELLO, never report it as the lock's verdict.
/// </summary>
public sealed class LockRefusedException : Exception
{
    public LockRefusedException(byte messageType, ResultCode result, bool authenticated = false)
        : base($"the lock refused message 0x{messageType:X2}: {result}{(authenticated ? "" : " (unauthenticated)")}")
    {
        MessageType = messageType;
        Result = result;
        Authenticated = authenticated;
    }

    public byte MessageType { get; }

    public ResultCode Result { get; }

    public bool Authenticated { get; }
}
