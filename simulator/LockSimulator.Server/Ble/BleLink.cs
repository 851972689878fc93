using System;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LockFirmware.Ble;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Ble;

/// <summary>
/// One phone's radio link to one lock over a WebSocket. Binary messages are exactly the
/// GATT fragments: client → lock writes to the command characteristic, lock → client the
/// notifications of the response/event characteristic. Text messages control the link
/// (<see cref="BleControl"/>). The lock has one connection: only the connected link writes
/// and hears notifications. Writes take effect at the fleet's virtual time now.
/// </summary>
internal sealed class BleLink
{
    /// <summary>ATT MTU range offered to clients: 23 is BLE's default; the lock itself accepts up to 256 (VirtualBleLink.LockMtu).</summary>
    public const int MinMtu = 23;
    public const int MaxMtu = 247;

    /// <summary>Messages waiting for a client that does not read: past this the link is closed (1008).</summary>
    public const int MaxQueued = 4096;

    private readonly WebSocket _socket;
    private readonly LockFleet _fleet;
    private readonly FleetLock _lock;
    private readonly Channel<(WebSocketMessageType Type, byte[] Data)> _outgoing =
        Channel.CreateBounded<(WebSocketMessageType, byte[])>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private (WebSocketCloseStatus Status, string Reason)? _close;
    private readonly PairWatcher _pairing;
    private int _payload = Fragment.DefaultPayload;
    private bool _connected;

    public BleLink(WebSocket socket, LockFleet fleet, FleetLock target)
    {
        _socket = socket;
        _fleet = fleet;
        _lock = target;
        _pairing = new PairWatcher(target.Sim.Setup.UnitFactoryKey);
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        _lock.Read(() =>
        {
            _lock.Sim.Radio.Notified += OnNotified;
            _lock.Sim.LinkLost += OnLinkLost;
        });
        using CancellationTokenRegistration stopping = aborted.Register(() => Stop(WebSocketCloseStatus.EndpointUnavailable, "server stopping"));
        using CancellationTokenRegistration removed = _lock.Removed.Token.Register(() => Stop(WebSocketCloseStatus.NormalClosure, "lock removed"));
        Task writing = WriteAllAsync();
        Task reading = ReadAllAsync();
        await Task.WhenAny(reading, writing);
        Release();
        Stop(WebSocketCloseStatus.NormalClosure, "closed");
        await writing;
        await SocketRules.AwaitReceiverAsync(_socket, reading);
    }

    /// <summary>The link no longer acts on the lock: handlers off, its connection (and the lock's session) closed.</summary>
    private void Release() => _lock.Read(() =>
    {
        _lock.Sim.Radio.Notified -= OnNotified;
        _lock.Sim.LinkLost -= OnLinkLost;
        if (_lock.Sim.Connected == this)
        {
            _lock.Disconnect();
        }
    });

    /// <summary>Ends the link: what is queued is still sent, then the close frame with this status (the first reason given wins).</summary>
    private void Stop(WebSocketCloseStatus status, string reason)
    {
        lock (_outgoing)
        {
            _close ??= (status, reason);
        }

        _outgoing.Writer.TryComplete();
    }

    private async Task ReadAllAsync()
    {
        byte[] buffer = new byte[SocketRules.MaxIncomingBytes];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                (int length, WebSocketMessageType type) = await SocketRules.ReceiveAsync(_socket, buffer);
                if (length < 0 || _close != null)
                {
                    return;
                }

                if (type == WebSocketMessageType.Binary)
                {
                    Write(buffer.AsSpan(0, length).ToArray());
                }
                else
                {
                    Control(buffer.AsSpan(0, length));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void Write(byte[] fragment)
    {
        if (fragment.Length == 0 || fragment.Length > _payload)
        {
            Reply(new BleControl("error", Detail: $"a write is 1 to {_payload} bytes (the ATT payload), not {fragment.Length}"));
            return;
        }

        string? refusal = Act(() =>
        {
            if (_lock.Sim.Connected != this)
            {
                return "not connected: send {\"type\":\"connect\"} first";
            }

            _pairing.OnWrite(fragment, _lock.Sim.Now);
            _lock.Sim.WriteNow(fragment);
            return null;
        });
        if (refusal != null)
        {
            Reply(new BleControl("error", Detail: refusal));
        }
    }

    private void Control(ReadOnlySpan<byte> json)
    {
        BleControl? message;
        try
        {
            message = JsonSerializer.Deserialize<BleControl>(json, ServerJson.Options);
        }
        catch (JsonException e)
        {
            Reply(new BleControl("error", Detail: $"not a control message: {e.Message}"));
            return;
        }

        BleControl? answer = message?.Type switch
        {
            "connect" => Act(Connect),
            "disconnect" => Act(Disconnect),
            "mtu" => Act(() => Mtu(message.Mtu)),
            _ => new BleControl("error", Detail: "type must be connect, disconnect or mtu"),
        };
        if (answer != null)
        {
            Reply(answer);
        }
    }

    private BleControl Connect()
    {
        if (!_lock.Sim.Powered)
        {
            return new BleControl("error", Detail: "the lock has no power: it does not advertise");
        }

        if (_lock.Sim.Connected != null && _lock.Sim.Connected != this)
        {
            return new BleControl("error", Detail: "busy: another phone holds the lock's one connection");
        }

        _lock.Sim.Connected = this;
        _connected = true;
        _payload = Fragment.DefaultPayload;
        _lock.SetPayload(_payload);
        return new BleControl("connected", Mtu: MinMtu, TimeMs: _lock.FleetNow);
    }

    private BleControl Disconnect()
    {
        if (_lock.Sim.Connected == this)
        {
            _lock.Disconnect();
        }

        _connected = false;
        return new BleControl("disconnected", Reason: "client", TimeMs: _lock.FleetNow);
    }

    private BleControl Mtu(int? mtu)
    {
        if (_lock.Sim.Connected != this)
        {
            return new BleControl("error", Detail: "not connected");
        }

        if (mtu is not (>= MinMtu and <= MaxMtu))
        {
            return new BleControl("error", Detail: $"mtu must be {MinMtu} … {MaxMtu}");
        }

        _payload = mtu.Value - 3;
        _lock.SetPayload(_payload);
        return new BleControl("mtu", Mtu: mtu);
    }

    /// <summary>Acts on the lock at the fleet's time now; a lock that failed (isolated) ends the link.</summary>
    private T? Act<T>(Func<T> action)
    {
        try
        {
            return _fleet.Act(_lock, _ => action());
        }
        catch (ApiProblem problem)
        {
            Reply(new BleControl("error", Detail: problem.Message));
            Stop(WebSocketCloseStatus.InternalServerError, "the lock's simulation failed");
            return default;
        }
    }

    /// <summary>Raised under the lock's gate for every notification; only the connected link hears it.</summary>
    private void OnNotified(byte[] notification)
    {
        if (_lock.Sim.Connected == this)
        {
            if (_pairing.OnNotification(notification, _lock.Sim.Now) is byte[] installed)
            {
                _lock.Secret = installed;
            }

            Enqueue(WebSocketMessageType.Binary, notification);
        }
    }

    /// <summary>The lock lost power (it cleared its connection first): tell the link that held it.</summary>
    private void OnLinkLost()
    {
        if (_connected)
        {
            _connected = false;
            Reply(new BleControl("disconnected", Reason: "power", TimeMs: _lock.FleetNow));
        }
    }

    private void Reply(BleControl message) => Enqueue(WebSocketMessageType.Text, JsonSerializer.SerializeToUtf8Bytes(message, ServerJson.Options));

    private void Enqueue(WebSocketMessageType type, byte[] data)
    {
        if (!_outgoing.Writer.TryWrite((type, data)))
        {
            // The client stopped reading: end the link rather than hoard its notifications.
            Stop(WebSocketCloseStatus.PolicyViolation, "fell behind: the client did not read its messages");
        }
    }

    private async Task WriteAllAsync()
    {
        try
        {
            await foreach ((WebSocketMessageType type, byte[] data) in _outgoing.Reader.ReadAllAsync())
            {
                using var timeout = new CancellationTokenSource(SocketRules.SendTimeout);
                await _socket.SendAsync(data, type, endOfMessage: true, timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            _socket.Abort();
            return;
        }

        (WebSocketCloseStatus status, string reason) = _close ?? (WebSocketCloseStatus.NormalClosure, "closed");
        await SocketRules.CloseAsync(_socket, status, reason);
    }
}
