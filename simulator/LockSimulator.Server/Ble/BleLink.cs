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

    /// <summary>No control message or fragment is this long; a longer one closes the link.</summary>
    private const int MaxMessageBytes = 1024;

    /// <summary>Messages waiting for a client that does not read: past this the link is dropped.</summary>
    private const int MaxQueued = 4096;

    private readonly WebSocket _socket;
    private readonly LockFleet _fleet;
    private readonly FleetLock _lock;
    private readonly Channel<(WebSocketMessageType Type, byte[] Data)> _outgoing =
        Channel.CreateBounded<(WebSocketMessageType, byte[])>(new BoundedChannelOptions(MaxQueued) { SingleReader = true });
    private readonly CancellationTokenSource _end = new();
    private int _payload = Fragment.DefaultPayload;
    private bool _connected;

    public BleLink(WebSocket socket, LockFleet fleet, FleetLock target)
    {
        _socket = socket;
        _fleet = fleet;
        _lock = target;
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _lock.Removed.Token, _end.Token);
        _lock.Read(() =>
        {
            _lock.Sim.Radio.Notified += OnNotified;
            _lock.Sim.LinkLost += OnLinkLost;
        });
        Task writing = WriteAllAsync(stop.Token);
        try
        {
            await ReadAllAsync(stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _lock.Read(() =>
            {
                _lock.Sim.Radio.Notified -= OnNotified;
                _lock.Sim.LinkLost -= OnLinkLost;
                if (_lock.Sim.Connected == this)
                {
                    _lock.Disconnect();
                }
            });
            _outgoing.Writer.TryComplete();
            await writing;
            await CloseAsync(_lock.Removed.IsCancellationRequested ? "lock removed" : "closed");
            _end.Dispose();
        }
    }

    private async Task ReadAllAsync(CancellationToken stop)
    {
        byte[] buffer = new byte[MaxMessageBytes];
        while (_socket.State == WebSocketState.Open)
        {
            int length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (length == buffer.Length)
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"messages are at most {MaxMessageBytes} bytes", stop);
                    return;
                }

                received = await _socket.ReceiveAsync(buffer.AsMemory(length), stop);
                length += received.Count;
            }
            while (!received.EndOfMessage);

            switch (received.MessageType)
            {
                case WebSocketMessageType.Close:
                    return;
                case WebSocketMessageType.Binary:
                    Write(buffer.AsSpan(0, length).ToArray());
                    break;
                default:
                    Control(buffer.AsSpan(0, length));
                    break;
            }
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
            _end.Cancel();
            return default;
        }
    }

    /// <summary>Raised under the lock's gate for every notification; only the connected link hears it.</summary>
    private void OnNotified(byte[] notification)
    {
        if (_lock.Sim.Connected == this)
        {
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
            // The client stopped reading: drop the link rather than hoard its notifications.
            _end.Cancel();
        }
    }

    private async Task WriteAllAsync(CancellationToken stop)
    {
        try
        {
            await foreach ((WebSocketMessageType type, byte[] data) in _outgoing.Reader.ReadAllAsync(stop))
            {
                await _socket.SendAsync(data, type, endOfMessage: true, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private async Task CloseAsync(string reason)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
            }
        }
    }
}
