using LockFirmware.Ble;

namespace LockFirmware.Protocol.Client;

/// <summary>A verified response to a command in a session.</summary>
public sealed record CommandResponse(int Counter, Opcode Opcode, ResultCode Result, byte[] Payload);

/// <summary>A verified response's counter, opcode and result, without its payload.</summary>
public readonly record struct ResponseHeader(int Counter, Opcode Opcode, ResultCode Result);
