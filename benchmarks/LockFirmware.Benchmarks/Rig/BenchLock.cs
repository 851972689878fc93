using System;
using System.Linq;
using LockFirmware.Benchmarks.Fakes;
using LockFirmware.Ble;
using LockFirmware.Events;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Virtual;

namespace LockFirmware.Benchmarks.Rig;

/// <summary>
/// One LockCore on cheap fake ports, paired, its clock set and a phone's session open: the
/// state in which a staff member's unlock arrives. Everything around the measured calls
/// (<see cref="SendPrepared"/>, <see cref="RequestMove"/>) goes through the real protocol,
/// with the protocol library as the phone, so every measured command is one the lock accepts.
/// </summary>
public sealed class BenchLock
{
    private const uint LockId = 1001;

    /// <summary>Command counters are 16 bits: a new session comes before they run out.</summary>
    private const int CommandsPerSession = ushort.MaxValue - 1;

    /// <summary>Running load: 200 mA leaves 6.12 V of back-EMF at 7.2 V.</summary>
    private const int RunningMilliamps = 200;

    /// <summary>A stall: above 80 % of the 1.33 A stall current at 7.2 V, below the over-current limit.</summary>
    private const int StallMilliamps = 1200;

    /// <summary>One sample this long after the start covers the travel: 6.12 V × 0.7 s is past 85 % of 4.9 V·s.</summary>
    private const int TravelMs = 700;

    private static readonly DateTimeOffset Epoch = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly PhoneSession _phone;
    private readonly NotificationReader _reader = new();
    private byte[] _write = [];
    private byte[]? _answer;
    private Opcode? _unsent;
    private int _commandsInSession;

    public BenchLock()
    {
        byte[] secret = Enumerable.Range(0x40, 32).Select(i => (byte)i).ToArray();
        var files = new RamFiles();
        SimulatedLock.Provision(files, LockId, secret, Epoch);
        var outputs = new NoOpOutputs();
        var ports = new LockPorts
        {
            Motor = Motor,
            Analog = Analog,
            Leds = outputs,
            BatteryLoad = outputs,
            Clock = Clock,
            Ble = Ble,
            Macs = new KeyedMacFactory(),
            Aes = new HostAesCbc(),
            Files = files,
        };
        Core = new LockCore(ports, new LockSettings(), new InputQueue(4));
        Core.Start();

        var backend = new LockBackend(LockId, secret);
        _phone = new PhoneSession(backend.Issue(new CredentialFields
        {
            LockId = LockId,
            KeyId = 7,
            UserId = 42,
            ValidFrom = Epoch.AddDays(-1),
            ValidUntil = Epoch.AddYears(10),
        }));
        byte[] timeSet = Exchange(backend.TimeToken(Epoch));
        if (timeSet[1] != (byte)ResultCode.Ok)
        {
            throw new InvalidOperationException($"SET_TIME refused: {(ResultCode)timeSet[1]}");
        }

        OpenSession();
        MoveTo(LockState.Locked);
    }

    public LockCore Core { get; }

    public SettableClock Clock { get; } = new();

    public FixedAnalogInputs Analog { get; } = new();

    public RecordingMotorBridge Motor { get; } = new();

    public DroppingBleLink Ble { get; } = new();

    /// <summary>
    /// The phone signs its next command; the final BLE write (one 13-byte fragment) waits for
    /// <see cref="SendPrepared"/>. A command prepared but never sent (the benchmark engine runs
    /// iteration setups without invocations) is kept: the lock only takes the next counter.
    /// </summary>
    public void Prepare(Opcode opcode)
    {
        if (_unsent == opcode)
        {
            return;
        }

        if (_unsent != null || _commandsInSession == CommandsPerSession)
        {
            OpenSession();
        }

        _commandsInSession++;
        _write = Fragments.Split(_phone.Command(opcode)).Single();
        _unsent = opcode;
    }

    /// <summary>Measured: the BLE adapter posts the write, the dispatcher's round runs the core up to the motor start (the round ends there).</summary>
    public void SendPrepared()
    {
        _unsent = null;
        Core.Inputs.Post(InputKind.BleWrite, _write, 0, _write.Length);
        Core.Process();
    }

    /// <summary>Measured: the write, then the next round, which audits the command and sends its MAC'd answer.</summary>
    public void SendPreparedAndAnswer()
    {
        SendPrepared();
        Core.Process();
    }

    /// <summary>Measured: battery policy and motor request, as an accepted command calls them.</summary>
    public ResultCode RequestMove(LockState target) => Core.RequestMove(target, Clock.NowMilliseconds);

    /// <summary>Checks that the last command or request started the motor towards <paramref name="target"/>, then finishes the move.</summary>
    public void CompleteMove(LockState target)
    {
        if (!IsStartedTowards(target))
        {
            throw new InvalidOperationException($"the lock did not start towards {target} (state {Core.State}): the call was refused");
        }

        FinishMove();
    }

    private bool IsStartedTowards(LockState target)
    {
        bool unlocking = target == LockState.Unlocked;
        return Core.IsMoving
            && Core.State == (unlocking ? LockState.Unlocking : LockState.Locking)
            && Motor.Last == (unlocking ? MotorDrive.Unlock : MotorDrive.Lock);
    }

    /// <summary>Runs the motor to its end stop: one sample of the running load, then a stall, then the brake and release phases.</summary>
    public void FinishMove()
    {
        Analog.MotorMilliamps = RunningMilliamps;
        Clock.NowMilliseconds += TravelMs;
        Core.Process();
        Analog.MotorMilliamps = StallMilliamps;
        for (int step = 0; Core.IsMoving; step++)
        {
            if (step == 100)
            {
                throw new InvalidOperationException("the motor did not stop at the end stop");
            }

            Clock.NowMilliseconds = Core.NextDueAt;
            Core.Process();
        }

        Analog.MotorMilliamps = 0;
    }

    /// <summary>Brings the bolt to <paramref name="target"/> with a real command (setup, not measured).</summary>
    public void MoveTo(LockState target)
    {
        if (Core.State == target)
        {
            return;
        }

        Prepare(target == LockState.Unlocked ? Opcode.Unlock : Opcode.Lock);
        SendPrepared();
        CompleteMove(target);
        if (Core.State != target)
        {
            throw new InvalidOperationException($"the move ended {Core.State}, alarm {Core.LastAlarm}");
        }
    }

    private void OpenSession()
    {
        _phone.OnChallenge(Exchange(_phone.Hello()));
        _commandsInSession = 0;
        _unsent = null;
    }

    /// <summary>Sends a whole message and returns the lock's answer (setup only: this allocates).</summary>
    private byte[] Exchange(byte[] message)
    {
        _answer = null;
        Ble.Listener = notification =>
        {
            byte[]? complete = _reader.Add(notification, Clock.NowMilliseconds);
            if (complete != null && !LockEvent.IsEvent(complete))
            {
                _answer = complete;
            }
        };
        foreach (byte[] fragment in Fragments.Split(message, InputQueue.MaxPayload))
        {
            Core.Inputs.Post(InputKind.BleWrite, fragment, 0, fragment.Length);
        }

        Core.Process();
        Ble.Listener = null;
        return _answer ?? throw new InvalidOperationException($"no answer to message type {message[0]}");
    }
}
