using System;

namespace LockFirmware.Protocol.Client;

/// <summary>A message from the lock that is malformed or fails its MAC: never trust it.</summary>
public sealed class ProtocolViolationException : Exception
{
    public ProtocolViolationException(string message)
        : base(message)
    {
    }
}
