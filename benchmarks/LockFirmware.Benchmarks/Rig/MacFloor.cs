using System.Security.Cryptography;
using LockFirmware.Ble;
using LockFirmware.Security;

namespace LockFirmware.Benchmarks.Rig;

/// <summary>
/// The crypto an unlock cannot avoid, in the fastest .NET form: one keyed HMAC-SHA256 reused
/// for every MAC, written into a buffer it owns (0 B). The inputs are exactly what the lock
/// MACs for an unlock: "LOCK-CMD" and the 4 signed bytes of the 12-byte command; for the
/// response, "LOCK-RSP" and its 5-byte header.
/// </summary>
public sealed class MacFloor
{
    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, new byte[32]);
    private readonly byte[] _command = [.. Labels.Command, MessageType.Command, 1, 0, (byte)Opcode.Unlock];
    private readonly byte[] _response = [.. Labels.Response, MessageType.Command | MessageType.ResponseFlag, 1, 0, (byte)Opcode.Unlock, (byte)ResultCode.Ok];
    private readonly byte[] _mac = new byte[32];

    /// <summary>The command's MAC: the floor every path is compared with.</summary>
    public int Command() => Compute(_command);

    /// <summary>The protocol's real minimum per command: its MAC and the response's.</summary>
    public int CommandAndResponse() => Compute(_command) + Compute(_response);

    private int Compute(byte[] input)
    {
        _hmac.AppendData(input);
        _hmac.TryGetHashAndReset(_mac, out int written);
        return written;
    }
}
