using LockFirmware.Ble;
using LockFirmware.Protocol.Client;

namespace LockSimulator.Server.Ble;

/// <summary>
/// Watches one BLE link for a PAIR the lock accepts, so that the secret it installed becomes the
/// one the server shows and its backend endpoints use. The secret is sealed with the unit's
/// factory key (docs/PROTOCOL.md, "Pairing"); the server plays the back office, which holds that
/// key by serial, so it opens the PAIR it sees with the serial and nonce of the unit's INFO.
/// </summary>
internal sealed class PairWatcher
{
    private readonly byte[] _factoryKey;
    private NotificationReader _writes = new();
    private NotificationReader _answers = new();
    private byte[]? _offered;
    private UnitInfo? _unit;

    public PairWatcher(byte[] factoryKey)
    {
        _factoryKey = factoryKey;
    }

    /// <summary>A write of the phone; a whole PAIR message is remembered until the lock answers it.</summary>
    public void OnWrite(byte[] fragment, long nowMs)
    {
        byte[]? message = Reassemble(ref _writes, fragment, nowMs);
        if (message != null && _unit != null)
        {
            _offered = PairingSeal.Open(_factoryKey, _unit.Serial, _unit.PairingNonce, message);
        }
    }

    /// <summary>A notification of the lock; returns the secret a PAIR just installed, else null.</summary>
    public byte[]? OnNotification(byte[] fragment, long nowMs)
    {
        byte[]? message = Reassemble(ref _answers, fragment, nowMs);
        if (message is { Length: >= 2 } && message[0] == (MessageType.Info | MessageType.ResponseFlag))
        {
            _unit = TryParse(message);
            return null;
        }

        if (message is not { Length: >= 2 } || message[0] != (MessageType.Pair | MessageType.ResponseFlag))
        {
            return null;
        }

        byte[]? installed = message[1] == (byte)ResultCode.Ok ? _offered : null;
        _offered = null;
        return installed;
    }

    private static UnitInfo? TryParse(byte[] message)
    {
        try
        {
            return UnitInfo.Parse(message);
        }
        catch (ProtocolViolationException)
        {
            return null;
        }
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
