using System;
using System.Collections.Generic;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator.Virtual;

namespace LockSimulator;

/// <summary>
/// A staff member's phone next to a simulated lock, speaking docs/PROTOCOL.md through the
/// protocol library: it connects (waiting while another phone holds the lock's one
/// connection), exchanges its MTU, opens a session with its credential (sending the backend's
/// time token first when the lock's clock is unknown), sends commands, and keeps every
/// verified response, refusal and event. Like the app, it disconnects when its work is done:
/// at once, or after the event of a move or self-test it started. Everything happens in the
/// lock's virtual time.
/// </summary>
public sealed class SimulatedPhone
{
    /// <summary>Re-open a session before the lock's idle timeout would close it.</summary>
    private const long SessionReuseMs = ProtocolInfo.SessionIdleTimeoutMs - 5_000;

    /// <summary>While another phone holds the connection, the app scans again this often.</summary>
    private const long RetryMs = 500;

    /// <summary>The app waits this long for the event of a move or self-test it started (moves end by 9 s, the self-test by 7.1 s).</summary>
    private const long EventWaitMs = 15_000;

    private readonly SimulatedLock _lock;
    private readonly LockBackend _backend;
    private readonly PhoneSession _session;
    private readonly NotificationReader _reader = new();
    private readonly Queue<(Opcode Opcode, byte[] Payload)> _pending = new();
    private readonly Queue<(Opcode Opcode, byte[] Payload)> _awaiting = new();

    /// <summary>When each pending wait for a move's event began, oldest first (the waits end in the order they began).</summary>
    private readonly Queue<long> _eventWaits = new();
    private readonly Action _eventWaitEnds;

    /// <summary>The seed's shared nonces (null when not shared: PhoneNonces.MostSeeds), and the seed.</summary>
    private readonly PhoneNonces? _nonces;
    private readonly int _nonceSeed;

    /// <summary>One nonce array refilled per HELLO (the session reads only the latest), and how many were drawn.</summary>
    private readonly byte[] _nonce = new byte[ProtocolInfo.PhoneNonceLength];
    private int _noncesDrawn;

    /// <summary>The phone's own generator: once its seed's shared nonces are used up (PhoneNonces.Kept), or from the start when not shared.</summary>
    private Random? _ownNonces;

    /// <summary>Sends planned so far without a payload, one per opcode: each is scheduled (and retried) with its one delegate.</summary>
    private Outgoing[] _plain = [];

    /// <summary>The fragment being written: the link copies what it keeps, so one buffer per thread serves every phone's writes.</summary>
    [ThreadStatic]
    private static byte[]? t_frame;

    /// <summary>The HELLO or command being written (see TakeMessageBuffer).</summary>
    [ThreadStatic]
    private static byte[]? t_message;
    private long _lastExchange = long.MinValue;
    private bool _sentTime;
    private bool _awaitingEvent;
    private bool _eventSinceCommand;

    public SimulatedPhone(SimulatedLock simulatedLock, IssuedCredential credential, LockBackend backend, int mtuPayload = Fragment.DefaultPayload)
    {
        _lock = simulatedLock;
        _backend = backend;
        MtuPayload = mtuPayload;
        // The app's nonces come from a generator seeded by the credential, kept per seed (PhoneNonces).
        _nonceSeed = unchecked((int)BitConverter.ToUInt32(credential.Credential, 4));
        _nonces = PhoneNonces.Shared(_nonceSeed);
        _session = new PhoneSession(credential, NextNonce);
        _eventWaitEnds = EventWaitEnds;
        _lock.Radio.Notified += OnNotification;
        _lock.LinkLost += Forget;
        _lock.Radio.Dropped += holder =>
        {
            if (holder == this)
            {
                Log("<- dropped by the lock");
                Forget();
            }
        };
    }

    private byte[] NextNonce()
    {
        if (_nonces == null || !_nonces.TryCopyTo(_noncesDrawn, _nonce))
        {
            (_ownNonces ??= _nonces?.Beyond() ?? new Random(_nonceSeed)).NextBytes(_nonce);
        }

        _noncesDrawn++;
        return _nonce;
    }

    /// <summary>A phone of a staff member with a day-long credential for the lock's default setup.</summary>
    /// <param name="secret">The secret the credential is made with; another lock's (or none) makes an intruder.</param>
    public static SimulatedPhone Staff(SimulatedLock simulatedLock, Role role = Role.Staff, uint keyId = 7, uint userId = 42, byte[]? secret = null)
    {
        LockSetup setup = simulatedLock.Setup;
        var backend = new LockBackend(setup.LockId, secret ?? setup.Secret);
        IssuedCredential credential = backend.Issue(new CredentialFields
        {
            LockId = setup.LockId,
            KeyId = keyId,
            UserId = userId,
            Role = role,
            ValidFrom = setup.Epoch.AddHours(-1),
            ValidUntil = setup.Epoch.AddDays(30),
        });
        return new SimulatedPhone(simulatedLock, credential, backend);
    }

    /// <summary>The ATT payload the phone asks for on connecting (its MTU − 3); the lock may settle lower.</summary>
    public int MtuPayload { get; set; }

    /// <summary>
    /// An app kept open on the lock's screen: it does not hang up when its work is done (the
    /// lock still drops it once idle past the session timeout).
    /// </summary>
    public bool StayConnected { get; set; }

    /// <summary>Every verified response, in order, while <see cref="KeepResponses"/>.</summary>
    public List<CommandResponse> Responses { get; } = new();

    /// <summary>
    /// False: responses are counted (<see cref="Answered"/>) and those not Ok kept
    /// (<see cref="NotOk"/>), but not all kept in <see cref="Responses"/>: a fleet day tallies
    /// only counts and failures, and a day of responses per phone only burdens the collector.
    /// </summary>
    public bool KeepResponses { get; set; } = true;

    /// <summary>Verified responses so far, kept or not.</summary>
    public int Answered { get; private set; }

    /// <summary>Verified responses whose result was not Ok, in order, kept or not.</summary>
    public IReadOnlyList<CommandResponse> NotOk => (IReadOnlyList<CommandResponse>?)_notOk ?? [];

    /// <summary>Made at the first response not Ok: most phones of a fleet never get one.</summary>
    private List<CommandResponse>? _notOk;

    public List<LockEvent> Events { get; } = new();

    /// <summary>
    /// False: events are still verified (and end the wait for a move's event) but not kept in
    /// <see cref="Events"/>: a fleet day reads none, and a day's worth per phone only burdens
    /// the collector.
    /// </summary>
    public bool KeepEvents { get; set; } = true;

    /// <summary>Error codes the lock answered outside a session (HELLO, SET_TIME, transport).</summary>
    public List<(byte Type, ResultCode Result)> Refusals { get; } = new();

    /// <summary>Sends <paramref name="opcode"/> at <paramref name="timeMs"/>, opening a session first if needed.</summary>
    public void Send(long timeMs, Opcode opcode, byte[]? payload = null)
    {
        Outgoing send = payload is { Length: > 0 } ? new Outgoing(this, opcode, payload) : Plain(opcode);
        _lock.At(timeMs, send.Begin);
    }

    /// <summary>Hints the CPU to fetch the parts a send reads first (<see cref="Timing.Prefetch"/>); changes nothing.</summary>
    public void PrefetchParts()
    {
        Timing.Prefetch.Lines(_session, 2);
        Timing.Prefetch.Lines(_pending, 1);
        Timing.Prefetch.Lines(_awaiting, 1);
        Timing.Prefetch.Lines(_reader, 1);
    }

    /// <summary>The one send of <paramref name="opcode"/> without a payload: a plan of many such commands shares it.</summary>
    /// <summary>
    /// What <see cref="Send"/> of <paramref name="opcode"/> without a payload puts on the lock's
    /// agenda: a planner that sends the same operation again and again keeps it and puts it there
    /// itself, rather than having it looked up at every send.
    /// </summary>
    public Action Sender(Opcode opcode) => Plain(opcode).Begin;

    private Outgoing Plain(Opcode opcode)
    {
        foreach (Outgoing known in _plain)
        {
            if (known.Opcode == opcode)
            {
                return known;
            }
        }

        var made = new Outgoing(this, opcode, []);
        _plain = [.. _plain, made];
        return made;
    }

    private void Begin(Outgoing send)
    {
        if (_lock.Radio.Holder != this && !ConnectNow())
        {
            // The lock is not advertising: another phone holds its one connection, or no power.
            _lock.At(_lock.Now + RetryMs, send.Begin);
            return;
        }

        (Opcode opcode, byte[] payload) = (send.Opcode, send.Payload);

        _pending.Enqueue((opcode, payload));
        _awaitingEvent = false;
        if (_session.IsOpen && _lastExchange > _lock.Now - SessionReuseMs)
        {
            Flush();
        }
        else
        {
            _sentTime = false;
            Log("-> HELLO (credential, phone nonce)");
            TransmitHello();
        }
    }

    private bool ConnectNow()
    {
        if (!_lock.Powered || !_lock.Radio.Connect(this))
        {
            return false;
        }

        _lastExchange = long.MinValue;
        if (MtuPayload > Fragment.DefaultPayload)
        {
            Log($"connected, MTU {_lock.Radio.ExchangeMtu(this, MtuPayload + 3)}");
        }
        else
        {
            Log("connected");
        }

        return true;
    }

    /// <summary>The app's work is done: it hangs up, and the lock advertises again.</summary>
    private void HangUp()
    {
        _awaitingEvent = false;
        if (_lock.Radio.Holder == this && !StayConnected)
        {
            Log("disconnect");
            _lock.Radio.HangUp(this);
        }
    }

    private void Forget()
    {
        _lastExchange = long.MinValue;
        _awaitingEvent = false;
    }

    /// <summary>The last response to <paramref name="opcode"/>.</summary>
    public CommandResponse Last(Opcode opcode) => Responses.FindLast(r => r.Opcode == opcode)
        ?? throw new InvalidOperationException($"no response to {opcode}");

    private void Flush()
    {
        while (_pending.Count > 0)
        {
            var (opcode, payload) = _pending.Dequeue();
            _awaiting.Enqueue((opcode, payload));
            _eventSinceCommand = false;
            if (Logging)
            {
                Log($"-> {opcode}");
            }

            byte[] message = TakeMessageBuffer();
            Transmit(message.AsSpan(0, _session.WriteCommand(opcode, payload, message)));
            t_message = message;
        }
    }

    private void Log(string text)
    {
        if (_lock.Trace.Detailed)
        {
            _lock.Trace.Log(_lock.Now, Tracing.Signals.Phone, text);
        }
    }

    /// <summary>Whether log lines are kept: the costly ones are not even written otherwise.</summary>
    private bool Logging => _lock.Trace.Detailed;

    private void TransmitHello()
    {
        byte[] message = TakeMessageBuffer();
        Transmit(message.AsSpan(0, _session.WriteHello(message)));
        t_message = message;
    }

    // One buffer per thread for the HELLOs and commands the phones write (the link copies what it
    // keeps); taken while in use, so a write that led back here would get its own.
    private static byte[] TakeMessageBuffer()
    {
        byte[] message = t_message ?? new byte[Fragment.MaxMessage];
        t_message = null;
        return message;
    }

    /// <summary>Writes <paramref name="message"/> in fragments of the link's ATT payload (docs/PROTOCOL.md, "Transport"; as <see cref="Fragments.Split"/> cuts them).</summary>
    private void Transmit(ReadOnlySpan<byte> message)
    {
        if (message.Length == 0 || message.Length > Fragment.MaxMessage)
        {
            throw new ArgumentException($"a message is 1 to {Fragment.MaxMessage} bytes", nameof(message));
        }

        _lastExchange = _lock.Now;
        int perFragment = _lock.Radio.Payload - 1;
        // Taken while writing: a write that led back here (it does not today) would get its own.
        byte[] frame = t_frame ?? new byte[VirtualBleLink.LockMtu];
        t_frame = null;
        for (int sent = 0, index = 0; sent < message.Length; index++)
        {
            int chunk = Math.Min(perFragment, message.Length - sent);
            int flags = index & Fragment.IndexMask;
            if (sent == 0)
            {
                flags |= Fragment.First;
            }

            if (sent + chunk == message.Length)
            {
                flags |= Fragment.Last;
            }

            frame[0] = (byte)flags;
            message.Slice(sent, chunk).CopyTo(frame.AsSpan(1));
            _lock.Radio.WriteFrame(this, frame, chunk + 1);
            sent += chunk;
        }

        t_frame = frame;
    }

    /// <summary>After an answer (<paramref name="startsSomething"/>: an Ok to a command that moves the lock or runs its self-test): more to send, an event to wait for, or done.</summary>
    private void AfterAnswer(bool startsSomething)
    {
        if (_pending.Count > 0 || _awaiting.Count > 0)
        {
            return;
        }

        // A port unit's strike switches at once: its state event comes before the answer, and is the one the app waited for.
        if (!startsSomething || _eventSinceCommand)
        {
            HangUp();
            return;
        }

        _awaitingEvent = true;
        _eventWaits.Enqueue(_lock.Now);
        _lock.At(_lock.Now + EventWaitMs, _eventWaitEnds);
    }

    /// <summary>The app stops waiting for the event unless something was exchanged since it began to.</summary>
    private void EventWaitEnds()
    {
        long asked = _eventWaits.Dequeue();
        if (_awaitingEvent && _lastExchange <= asked)
        {
            HangUp();
        }
    }

    private void OnNotification(byte[] notification)
    {
        if (_lock.Radio.Holder != this)
        {
            return;
        }

        // Lent: nothing below keeps the message (responses and events are decoded into their own objects).
        byte[]? message = _reader.AddLent(notification, _lock.Now);
        if (message == null)
        {
            return;
        }

        try
        {
            OnMessage(message);
        }
        finally
        {
            NotificationReader.Return(message);
        }
    }

    private void OnMessage(byte[] message)
    {
        if (LockEvent.IsEvent(message))
        {
            LockEvent lockEvent = ReadEvent(message);
            if (KeepEvents)
            {
                Events.Add(lockEvent);
            }

            _eventSinceCommand = true;
            if (Logging)
            {
                Log($"<- event {lockEvent}");
            }

            if (_awaitingEvent && _pending.Count == 0 && _awaiting.Count == 0)
            {
                HangUp();
            }

            return;
        }

        _lastExchange = _lock.Now;
        switch (message[0] & ~MessageType.ResponseFlag)
        {
            case MessageType.Hello:
                OnChallenge(message);
                break;
            case MessageType.SetTime when message[1] == (byte)ResultCode.Ok:
                Log("<- time set; -> HELLO");
                TransmitHello();
                break;
            case MessageType.Command when message.Length > 2:
                if (!TryRead(message, out ResponseHeader header))
                {
                    break;
                }

                if (header.Result == ResultCode.NoSession && _awaiting.Count > 0)
                {
                    Resend("<- NoSession (MAC ok); -> HELLO again");
                    break;
                }

                Answered++;
                // The whole response (its payload copied) only for whoever keeps it.
                if (KeepResponses || header.Result != ResultCode.Ok)
                {
                    CommandResponse response = PhoneSession.Decode(header, message);
                    if (KeepResponses)
                    {
                        Responses.Add(response);
                    }

                    if (response.Result != ResultCode.Ok)
                    {
                        (_notOk ??= new()).Add(response);
                    }
                }

                _awaiting.TryDequeue(out _);
                if (Logging)
                {
                    Log($"<- {header.Opcode} #{header.Counter}: {header.Result} (MAC ok)");
                }

                AfterAnswer(header.Result == ResultCode.Ok && header.Opcode is Opcode.Unlock or Opcode.Lock or Opcode.RunSelfTest);
                break;
            case MessageType.Command when message[1] == (byte)ResultCode.NoSession && _awaiting.Count > 0:
                Resend("<- NoSession; -> HELLO again");
                break;
            default:
                Refusals.Add((message[0], (ResultCode)message[1]));
                Log($"<- refused 0x{message[0]:X2}: {(ResultCode)message[1]}");
                AfterAnswer(startsSomething: false);
                break;
        }
    }

    /// <summary>A response that does not verify under this phone's session (someone else's HELLO took the lock's session) is dropped, as the app does.</summary>
    private bool TryRead(byte[] message, out ResponseHeader header)
    {
        try
        {
            header = _session.VerifyResponse(message);
            return true;
        }
        catch (ProtocolViolationException e)
        {
            Log($"<- dropped: {e.Message}");
            header = default;
            return false;
        }
    }

    /// <summary>An event whose MAC is not of this phone's session is kept as unauthenticated.</summary>
    private LockEvent ReadEvent(byte[] message)
    {
        try
        {
            return _session.ReadEvent(message);
        }
        catch (ProtocolViolationException)
        {
            return LockEvent.Parse(message);
        }
    }

    /// <summary>
    /// The session is gone (another phone took the link, or a timeout): as the app does, open
    /// a new one and send again what was not answered.
    /// </summary>
    private void Resend(string why)
    {
        Log(why);
        foreach (var command in _awaiting)
        {
            _pending.Enqueue(command);
        }

        _awaiting.Clear();
        TransmitHello();
    }

    private void OnChallenge(byte[] message)
    {
        if (message[1] == (byte)ResultCode.ClockUnknown && !_sentTime)
        {
            // After a power loss the lock needs the time; any staff phone carries a token.
            _sentTime = true;
            Log("<- ClockUnknown; -> SET_TIME (backend's token)");
            Transmit(_backend.TimeToken(_lock.WallTime));
            return;
        }

        if (message[1] != (byte)ResultCode.Ok)
        {
            Refusals.Add((message[0], (ResultCode)message[1]));
            Log($"<- HELLO refused: {(ResultCode)message[1]}");
            _pending.Clear();
            HangUp();
            return;
        }

        _session.OnChallenge(message);
        Log("<- CHALLENGE (lock nonce): session open");
        Flush();
    }

    /// <summary>A command to send, and the one delegate that schedules (and reschedules) its start.</summary>
    private sealed class Outgoing
    {
        private readonly SimulatedPhone _phone;

        public Outgoing(SimulatedPhone phone, Opcode opcode, byte[] payload)
        {
            _phone = phone;
            Opcode = opcode;
            Payload = payload;
            Begin = Start;
        }

        public Opcode Opcode { get; }

        public byte[] Payload { get; }

        public Action Begin { get; }

        private void Start() => _phone.Begin(this);
    }
}
