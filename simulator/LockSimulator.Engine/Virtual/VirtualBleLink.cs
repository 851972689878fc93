using System;
using System.Collections.Generic;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Ports;
using LockSimulator.Budget;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// The lock's radio as nanoFramework.Device.Bluetooth 1.1.123 on ESP32 NimBLE gives it, and no
/// kinder: one connection at a time, and no advertising while it is held (NimBLE ends legacy
/// advertising on connect; nf-interpreter's Esp32GapEvent restarts it with the same data on
/// disconnect); legacy packets of at most 31 bytes each, laid out so the library's greedy
/// packing keeps them; a phone may write no more than the negotiated ATT payload (the MTU of a
/// connection is the lower of the phone's and NimBLE's preferred 256; 23 until exchanged), and
/// a write the firmware's input queue cannot take is refused at the ATT level. Changing the
/// advertisement while a phone is connected throws: on the board it restarts the BLE stack.
/// Renewing the advertisement and dropping a phone are such restarts, so for
/// <see cref="BoardBudget.BleStackRestartMs"/> after either nobody can connect.
/// Once <see cref="PaceBy"/> is called (the device timing profile) writes and notifications
/// travel only at connection events (<see cref="ConnectionEvents"/>), and each write is a Write
/// Request: the command characteristic is Write only (Esp32/GattLockService), and nanoFramework's
/// NimBLE access callback holds the ATT response until the managed WriteRequested handler has run
/// (nf-interpreter targets/ESP32/_nanoCLR/nanoFramework.Device.Bluetooth/esp32_nimble.cpp,
/// DeviceBleCallback → PostAndWaitManagedGapEvent), so the phone's next fragment waits for it.
/// </summary>
public sealed class VirtualBleLink : IBleLink
{
    /// <summary>ATT MTU before an exchange (Core Specification Vol 3 Part F §3.2.8).</summary>
    public const int DefaultMtu = 23;

    /// <summary>NimBLE's preferred ATT MTU in ESP-IDF (CONFIG_BT_NIMBLE_ATT_PREFERRED_MTU default).</summary>
    public const int LockMtu = 256;

    private readonly VirtualClock _clock;
    private readonly TraceRecorder _trace;
    /// <summary>Made with the first notification kept (a fleet lock keeps none).</summary>
    private List<byte[]>? _notifications;
    private readonly List<AdvertisingChange> _changes = new();
    private readonly int _restartMs;
    private int _payload = DefaultMtu - 3;
    private long _restartedAt;
    private BleLinkBudget? _pacing;
    private Action<long, Action>? _schedule;
    private Func<long, long>? _handlerStart;
    private Func<long, long>? _handlerDone;
    private ConnectionEvents? _events;
    private int _connection;

    public VirtualBleLink(VirtualClock clock, TraceRecorder trace, int stackRestartMs)
    {
        _clock = clock;
        _trace = trace;
        _restartMs = stackRestartMs;
    }

    /// <summary>One change of what is on air: when, and the two packets.</summary>
    public sealed record AdvertisingChange(long TimeMs, byte[] Advertisement, byte[] ScanResponse);

    /// <summary>The firmware's input queue while it runs; null while the power is cut.</summary>
    public InputQueue? Inputs { get; set; }

    /// <summary>The phone holding the lock's one connection, or null.</summary>
    public object? Holder { get; private set; }

    /// <summary>True when a phone can find and connect to the lock.</summary>
    public bool Advertising => Holder == null && Inputs != null && Advertisement.Length > 0 && _clock.NowMilliseconds >= _restartedAt;

    /// <summary>The advertisement on air (or resumed on disconnect); empty before the first.</summary>
    public byte[] Advertisement { get; private set; } = [];

    public byte[] ScanResponse { get; private set; } = [];

    /// <summary>Every advertising change the firmware made, in order.</summary>
    public IReadOnlyList<AdvertisingChange> AdvertisingChanges => _changes;

    /// <summary>ATT payload of the current connection (MTU − 3).</summary>
    public int Payload => _payload;

    /// <summary>Every notification the lock sent, in order (also those nobody was connected to hear), while <see cref="KeepNotifications"/>.</summary>
    public IReadOnlyList<byte[]> Notifications => (IReadOnlyList<byte[]>?)_notifications ?? [];

    /// <summary>
    /// False: notifications go to the phone but are not also kept in <see cref="Notifications"/>
    /// (a fleet or server lock, whose list nobody reads, would otherwise grow with every one).
    /// </summary>
    public bool KeepNotifications { get; set; } = true;

    /// <summary>Raised for each notification the connected phone receives.</summary>
    public event Action<byte[]>? Notified;

    /// <summary>Raised when the lock dropped the connection of <c>holder</c>.</summary>
    public event Action<object>? Dropped;

    /// <summary>Raised whenever a phone connects or the connection ends (the board's current follows it).</summary>
    public event Action? HolderChanged;

    /// <summary>Raised for each write handed to the firmware (its CPU works on it).</summary>
    public event Action? WriteTaken;

    /// <summary>
    /// From now on messages go at connection events of <paramref name="link"/>: deliveries are
    /// put on the lock's agenda with <paramref name="schedule"/>; the managed handler of a write
    /// that reached the chip at a time t queues it at <paramref name="handlerStart"/>(t) and
    /// answers it (the ATT Write Response) at <paramref name="handlerDone"/>(t).
    /// </summary>
    public void PaceBy(BleLinkBudget link, Action<long, Action> schedule, Func<long, long> handlerStart, Func<long, long> handlerDone)
    {
        _pacing = link;
        _schedule = schedule;
        _handlerStart = handlerStart;
        _handlerDone = handlerDone;
    }

    /// <summary>A phone connects; false when the lock is not advertising (another phone holds it, or no power).</summary>
    public bool Connect(object phone)
    {
        if (Holder == phone)
        {
            return true;
        }

        if (!Advertising)
        {
            return false;
        }

        Holder = phone;
        _payload = DefaultMtu - 3;
        _connection++;
        _events = _pacing == null ? null : new ConnectionEvents(_pacing, _clock.NowMilliseconds);
        _trace.Log(_clock.NowMilliseconds, Signals.BleLink, "connected");
        Inputs!.Post(InputKind.BleConnected);
        HolderChanged?.Invoke();
        return true;
    }

    /// <summary>The connected phone asks for <paramref name="phoneMtu"/>; the link settles on the lower of the two.</summary>
    public int ExchangeMtu(object phone, int phoneMtu)
    {
        if (Holder != phone || Inputs == null)
        {
            return 0;
        }

        int mtu = Math.Clamp(Math.Min(phoneMtu, LockMtu), DefaultMtu, LockMtu);
        _payload = mtu - 3;
        byte[] size = [(byte)_payload, (byte)(_payload >> 8)];
        if (_events == null)
        {
            _trace.Log(_clock.NowMilliseconds, Signals.BleLink, $"mtu {mtu}");
            Inputs.Post(InputKind.BleMtu, size, 0, 2);
            return mtu;
        }

        // Exchange MTU request (3 bytes) and NimBLE's own answer; the phone writes again only after it.
        long request = _events.Uplink(_clock.NowMilliseconds, _pacing!.PacketsFor(0));
        _events.PhoneAwaits(_events.Downlink(_events.TimeOf(request), _pacing.PacketsFor(0)));
        OnThisConnection(_events.TimeOf(request), () =>
        {
            _trace.Log(_clock.NowMilliseconds, Signals.BleLink, $"mtu {mtu}");
            Inputs?.Post(InputKind.BleMtu, size, 0, 2);
        });
        return mtu;
    }

    /// <summary>A write to the command characteristic; false when ATT refuses it (not connected, too long, queue full).</summary>
    public bool Write(object phone, byte[] fragment) => WriteFrame(phone, fragment, fragment.Length);

    /// <summary>
    /// A write of the first <paramref name="length"/> bytes of <paramref name="frame"/>: the
    /// link copies what it keeps, so the phone may reuse <paramref name="frame"/> at once.
    /// </summary>
    public bool WriteFrame(object phone, byte[] frame, int length)
    {
        if (Holder != phone || Inputs == null)
        {
            return false;
        }

        if (length <= 0 || length > _payload || length > frame.Length)
        {
            _trace.Log(_clock.NowMilliseconds, Signals.BleLink, $"write of {length} bytes refused: ATT payload is {_payload}");
            return false;
        }

        if (_events == null)
        {
            Arrive(frame, length);
            return HandOver(frame, length);
        }

        // The write goes at a connection event; its handler queues it on the interpreter's next
        // tick and answers it; the phone's next request waits for that ATT answer.
        long arrives = _events.Uplink(_clock.NowMilliseconds, _pacing!.PacketsFor(length));
        long at = _events.TimeOf(arrives);
        _events.PhoneAwaits(_events.Downlink(_handlerDone!(at), _pacing.PacketsFor(0)));
        Delivery write = Delivery.Take(this, frame.AsSpan(0, length), steps: 2);
        _schedule!(at, write.Arrive);
        _schedule(_handlerStart!(at), write.HandOver);
        return true;
    }

    private void Arrive(byte[] frame, int length) =>
        _trace.Log(_clock.NowMilliseconds, Signals.BleIn, _trace.Detailed ? Convert.ToHexString(frame, 0, length) : "");

    /// <summary>The managed handler copies the write into the firmware's input queue.</summary>
    private bool HandOver(byte[] frame, int length)
    {
        if (Inputs == null || !Inputs.Post(InputKind.BleWrite, frame, 0, length))
        {
            _trace.Log(_clock.NowMilliseconds, Signals.BleLink, "write refused: input queue full");
            return false;
        }

        WriteTaken?.Invoke();
        return true;
    }

    /// <summary>Runs <paramref name="action"/> at <paramref name="timeMs"/> if the connection of now still holds then.</summary>
    private void OnThisConnection(long timeMs, Action action)
    {
        int connection = _connection;
        _schedule!(timeMs, () =>
        {
            if (_connection == connection && Holder != null)
            {
                action();
            }
        });
    }

    /// <summary>The phone ends the connection; advertising resumes with the same packets.</summary>
    public void HangUp(object phone)
    {
        if (Holder != phone || phone == null)
        {
            return;
        }

        Release("disconnected by the phone");
    }

    /// <summary>The power is cut: the connection and what was on air are gone.</summary>
    public void PowerLost()
    {
        bool held = Holder != null;
        Holder = null;
        _events = null;
        _connection++;
        Inputs = null;
        Advertisement = [];
        ScanResponse = [];
        _restartedAt = 0;
        if (held)
        {
            HolderChanged?.Invoke();
        }
    }

    public void Notify(byte[] buffer, int offset, int count)
    {
        // Copied only where it is kept: the firmware reuses its buffer.
        if (KeepNotifications)
        {
            (_notifications ??= new List<byte[]>()).Add(buffer.AsSpan(offset, count).ToArray());
        }

        if (Holder == null)
        {
            return;
        }

        if (count > _payload)
        {
            // A notification sized for an earlier connection's MTU does not reach this phone.
            _trace.Log(_clock.NowMilliseconds, Signals.BleLink, $"notification of {count} bytes not sent: ATT payload is {_payload}");
            return;
        }

        if (_events == null)
        {
            if (LendNotifications)
            {
                ReceiveLent(buffer.AsSpan(offset, count));
            }
            else
            {
                Receive(buffer.AsSpan(offset, count).ToArray());
            }

            return;
        }

        long arrives = _events.Downlink(_clock.NowMilliseconds, _pacing!.PacketsFor(count));
        _schedule!(_events.TimeOf(arrives), Delivery.Take(this, buffer.AsSpan(offset, count), steps: 1).Receive);
    }

    /// <summary>
    /// True: the <see cref="Notified"/> handlers get a buffer valid only while they run (one
    /// kept per length and thread), not a copy of their own each. For a fleet day, whose
    /// handlers (the phones' readers, the event source) copy or ignore what they get.
    /// </summary>
    public bool LendNotifications { get; set; }

    /// <summary>Buffers lent to the handlers, by length; taken out while lent, so a handler that led to another notification gets another.</summary>
    [ThreadStatic]
    private static byte[]?[]? t_lent;

    private void ReceiveLent(ReadOnlySpan<byte> notification)
    {
        byte[]?[] lent = t_lent ??= new byte[]?[LockMtu + 1];
        byte[] frame = lent[notification.Length] ?? new byte[notification.Length];
        lent[notification.Length] = null;
        notification.CopyTo(frame);
        Receive(frame);
        lent[notification.Length] = frame;
    }

    private void Receive(byte[] notification)
    {
        _trace.Log(_clock.NowMilliseconds, Signals.BleOut, _trace.Detailed ? Convert.ToHexString(notification) : "");
        Notified?.Invoke(notification);
    }

    public void Advertise(LegacyAdvertisement packets)
    {
        if (Holder != null)
        {
            throw new InvalidOperationException("the firmware changed advertising while a phone was connected (on nanoFramework this restarts the BLE stack and drops the phone)");
        }

        if (packets.AdvertisementLength > LegacyAdvertisement.MaxPacket || packets.ScanResponseLength > LegacyAdvertisement.MaxPacket || !packets.PacksAsBuilt())
        {
            throw new InvalidOperationException("the advertisement does not fit the legacy packets as built");
        }

        if (Advertisement.Length > 0)
        {
            Restart();
        }

        Advertisement = packets.Advertisement.AsSpan(0, packets.AdvertisementLength).ToArray();
        ScanResponse = packets.ScanResponse.AsSpan(0, packets.ScanResponseLength).ToArray();
        _changes.Add(new AdvertisingChange(_clock.NowMilliseconds, Advertisement, ScanResponse));
        _trace.Log(_clock.NowMilliseconds, Signals.BleLink, AdvertisingText(Advertisement, ScanResponse));
    }

    /// <summary>"advertising HEX / HEX", written once rather than as two hex strings and their concatenation (every lock advertises at boot).</summary>
    private static string AdvertisingText(byte[] advertisement, byte[] scanResponse)
    {
        const string Prefix = "advertising ", Between = " / ";
        return string.Create(Prefix.Length + 2 * advertisement.Length + Between.Length + 2 * scanResponse.Length, (advertisement, scanResponse), static (text, packets) =>
        {
            Prefix.CopyTo(text);
            Convert.TryToHexString(packets.advertisement, text[Prefix.Length..], out int written);
            Between.CopyTo(text[(Prefix.Length + written)..]);
            Convert.TryToHexString(packets.scanResponse, text[(Prefix.Length + written + Between.Length)..], out _);
        });
    }

    public void Disconnect()
    {
        object? dropped = Holder;
        if (dropped == null)
        {
            return;
        }

        Release("dropped by the lock");
        Restart();
        Dropped?.Invoke(dropped);
    }

    /// <summary>The stack restarts: the lock is back on air after the restart time.</summary>
    private void Restart()
    {
        _restartedAt = _clock.NowMilliseconds + _restartMs;
        _trace.Log(_clock.NowMilliseconds, Signals.BleLink, $"BLE stack restart, advertising again at {_restartedAt} ms");
    }

    private void Release(string why)
    {
        Holder = null;
        _events = null;
        _connection++;
        _payload = DefaultMtu - 3;
        _trace.Log(_clock.NowMilliseconds, Signals.BleLink, why);
        Inputs?.Post(InputKind.BleDisconnected);
        HolderChanged?.Invoke();
    }

    /// <summary>
    /// A write or notification in flight, delivered only if the connection it was sent on still
    /// holds. Its steps are put on the agenda as its own delegates; once the last has run, it
    /// goes back with its buffer to the spares of the thread that ran it, so frames in steady use
    /// make no new object, delegate or copy (a fleet day sends about a hundred frames per lock).
    /// Spares are kept per thread, not per link: a fleet's locks hold only the deliveries in flight.
    /// A thread keeps at most <see cref="MaxSpares"/>: where one thread sends and another delivers
    /// (a server's requests and its clock), the delivering thread's spares would grow without end.
    /// </summary>
    private sealed class Delivery
    {
        private const int MaxSpares = 64;

        [ThreadStatic]
        private static Delivery? t_spare;

        [ThreadStatic]
        private static int t_spares;

        private readonly byte[] _frame = new byte[LockMtu];
        private VirtualBleLink _link;
        private int _length;
        private int _connection;
        private int _steps;
        private Delivery? _next;

        private Delivery(VirtualBleLink link)
        {
            _link = link;
            Arrive = DeliverArrive;
            HandOver = DeliverHandOver;
            Receive = DeliverReceive;
        }

        /// <summary>The write reaches the chip (traced).</summary>
        public Action Arrive { get; }

        /// <summary>The managed handler hands the write to the firmware.</summary>
        public Action HandOver { get; }

        /// <summary>The notification reaches the phone.</summary>
        public Action Receive { get; }

        /// <summary>A delivery of a copy of <paramref name="frame"/> on the link's connection of now, whose <paramref name="steps"/> will each run once.</summary>
        public static Delivery Take(VirtualBleLink link, ReadOnlySpan<byte> frame, int steps)
        {
            Delivery? delivery = t_spare;
            if (delivery == null)
            {
                delivery = new Delivery(link);
            }
            else
            {
                t_spare = delivery._next;
                t_spares--;
            }

            delivery._next = null;
            delivery._link = link;
            frame.CopyTo(delivery._frame);
            delivery._length = frame.Length;
            delivery._connection = link._connection;
            delivery._steps = steps;
            return delivery;
        }

        private bool Holds => _link._connection == _connection && _link.Holder != null;

        private void DeliverArrive()
        {
            if (Holds)
            {
                _link.Arrive(_frame, _length);
            }

            Done();
        }

        private void DeliverHandOver()
        {
            if (Holds)
            {
                _link.HandOver(_frame, _length);
            }

            Done();
        }

        private void DeliverReceive()
        {
            if (Holds)
            {
                if (_link.LendNotifications)
                {
                    _link.ReceiveLent(_frame.AsSpan(0, _length));
                }
                else
                {
                    _link.Receive(_frame.AsSpan(0, _length).ToArray());
                }
            }

            Done();
        }

        /// <summary>After its last step the delivery (and its buffer) is this thread's to reuse.</summary>
        private void Done()
        {
            if (--_steps == 0 && t_spares < MaxSpares)
            {
                _next = t_spare;
                t_spare = this;
                t_spares++;
            }
        }
    }
}
