using LockFirmware.Ble;
using LockFirmware.Protocol.Client;

namespace LockSimulator.Server.Ble;

/// <summary>
/// Watches one BLE link for a PAIR the lock accepts, so that the secret it installed becomes the
/// one the server shows and its backend endpoints use. The secret crosses the air in clear at
/// pairing (docs/PROTOCOL.md, "Pairing"), so anyone on the link (here: the server) sees it.
/// </summary>
internal sealed class PairWatcher
{
    private const int PairLength = 1 + 4 + 1 + 32;

    private NotificationReader _writes = new();
    private NotificationReader _answers = new();
    private byte[]? _offered;

    /// <summary>A write of the phone; a whole PAIR message is remembered until the lock answers it.</summary>
    public void OnWrite(byte[] fragment, long nowMs)
    {
        byte[]? message = Reassemble(ref _writes, fragment, nowMs);
        if (message is { Length: PairLength } && message[0] == MessageType.Pair)
        {
            _offered = message[6..];
        }
    }

    /// <summary>A notification of the lock; returns the secret a PAIR just installed, else null.</summary>
    public byte[]? OnNotification(byte[] fragment, long nowMs)
    {
        byte[]? message = Reassemble(ref _answers, fragment, nowMs);
        if (message is not { Length: >= 2 } || message[0] != (MessageType.Pair | MessageType.ResponseFlag))
        {
            return null;
        }

        byte[]? installed = message[1] == (byte)ResultCode.Ok ? _offered : null;
        _offered = null;
        return installed;
    }

    /// <summary>Garbage on the link is the lock's business: the watcher only starts over.</summary>
    private static byte[]? Reassemble(ref NotificationReader reader, byte[] fragment, long nowMs)
    {
        try
        {
            return reader.Add(fragment, nowMs);
        }
        catch (ProtocolViolationException)
        {
            reader = new NotificationReader();
            return null;
        }
    }
}
