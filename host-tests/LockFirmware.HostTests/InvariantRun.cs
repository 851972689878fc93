using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockFirmware.Security;
using LockSimulator;
using LockSimulator.Virtual;

namespace LockFirmware.HostTests;

/// <summary>
/// One random sequence for <see cref="ProtocolInvariantTests"/>: genuine time tokens (some old,
/// some ahead, a few installer-level), visits with credentials of every shape, revocations,
/// reboots, power cuts in the middle of flash writes, re-pairings; then the installer's recovery.
/// It keeps its own model of what the lock must know about time (from the answers it saw, not
/// from the lock's memory) and checks every move the lock allowed against it.
/// </summary>
internal sealed class InvariantRun
{
    private static readonly long[] TokenOffsets =
    [
        0, 0, 0, -120, -299, -301, -900, -3_600, -2 * 86_400, 120, 1_000, 3_599, 3_700, 6 * 86_400, 8 * 86_400, 30 * 86_400, 50L * 365 * 86_400,
    ];

    private readonly Random _random;
    private readonly Random _secrets;
    private readonly VirtualFileSystem _files;
    private readonly List<Pass> _pool = [];
    private readonly HashSet<uint> _revoked = [];
    private readonly List<(long Unix, DateTimeOffset At)> _anchors = [];
    private SimulatedLock _sim;
    private LockBackend _backend;
    private int _generation;
    private long _floor;
    // The anchors the lock's running clock may stand on in this life: one after an answered
    // token, more while a token's answer was lost (the lock may or may not have taken it).
    private readonly List<(long Unix, DateTimeOffset At)> _bootAnchors = [];
    private int _readFrom;
    private long _batteryBackAt;
    private readonly List<byte[]> _answers = [];

    public InvariantRun(int seed)
    {
        _random = new Random(seed);
        var setup = new LockSetup { StartFraction = _random.Next(2) };
        _sim = Attach(new SimulatedLock(setup));
        _files = _sim.Files;
        _backend = new LockBackend(setup.LockId, setup.Secret);
        _secrets = new Random(seed ^ 0x5EC2E7);
        _floor = setup.Epoch.ToUnixTimeSeconds(); // the installer's pairing left this mark
        _anchors.Add((_floor, setup.Epoch));
        IssuePool();
    }

    /// <summary>Moves the lock allowed, checked; refusals of each kind seen; recoveries done.</summary>
    public Tally Counts { get; } = new();

    private DateTimeOffset Wall => _sim.WallTime;

    public void Play(int steps)
    {
        for (int step = 0; step < steps; step++)
        {
            int pick = _random.Next(100);
            if (pick < 25)
            {
                _sim.RunFor(_random.Next(4) == 0 ? _random.NextInt64(3_600_000, 3 * 86_400_000L) : _random.Next(1_000, 600_000));
            }
            else if (pick < 45)
            {
                Guarded(SendToken);
            }
            else if (pick < 78)
            {
                Guarded(() => Visit(_pool[_random.Next(_pool.Count)]));
            }
            else if (pick < 85)
            {
                Guarded(Revoke);
            }
            else if (pick < 92)
            {
                Reboot();
            }
            else if (pick < 97)
            {
                // A cut somewhere in the file-system operations of the next exchange. An accepted
                // token's save passes 4 cut points, most visits 3, a long one up to about 90: the
                // range is sized to land inside the exchange more often than not.
                _files.CutPowerAt(_files.CutPoints + (_random.Next(4) == 0 ? _random.Next(100) : _random.Next(8)));
                Guarded(_random.Next(2) == 0 ? SendToken : () => Visit(_pool[_random.Next(_pool.Count)]));
                _files.Disarm();
            }
            else
            {
                Guarded(() => Recover(mustSucceed: false));
            }
        }

        // No lockout the installer at the unit cannot undo: whatever happened, re-pairing opens it.
        _files.Disarm();
        _sim.RunFor(LockFirmware.Security.AuthThrottle.MaxBackOffMs + 1_000);
        if (_sim.Powered && _sim.Core.Protocol.Clock.IsKnown && _sim.Core.Protocol.Clock.Now(_sim.Now) > Wall.AddDays(1).ToUnixTimeSeconds())
        {
            Counts.Lockouts++; // a genuine installer-level token set it far ahead: only re-pairing helps
        }

        Recover(mustSucceed: true);
        ResultCode result = Visit(new Pass(_backend.Issue(Fields(0xBEEF, Wall.AddHours(-1), Wall.AddDays(1))), Fields(0xBEEF, Wall.AddHours(-1), Wall.AddDays(1)), _generation), Opcode.Unlock);
        Check(result is ResultCode.Ok or ResultCode.AlreadyThere or ResultCode.AlreadyMoving, $"after the installer's recovery a valid credential got {result}");
        Counts.Recoveries++;
    }

    private CredentialFields Fields(uint keyId, DateTimeOffset from, DateTimeOffset until, Role role = Role.Staff) =>
        new() { LockId = _backend.LockId, KeyId = keyId, UserId = keyId, Role = role, ValidFrom = from, ValidUntil = until };

    private void IssuePool()
    {
        DateTimeOffset w = Wall;
        int hour = w.Hour;
        var shapes = new List<CredentialFields>
        {
            Fields(1, w.AddHours(-1), w.AddHours(2)),
            Fields(2, w.AddDays(-2), w.AddHours(-1)),
            Fields(3, w.AddMinutes(-10), w.AddMinutes(2)),
            Fields(4, w.AddHours(1), w.AddDays(2)),
            Fields(5, w.AddDays(-1), w.AddDays(30)) with
            {
                Days = [w.DayOfWeek, (DayOfWeek)(((int)w.DayOfWeek + 1) % 7)],
                DayStart = TimeSpan.FromHours(Math.Max(0, hour - 1)),
                DayEnd = TimeSpan.FromHours(Math.Min(24, hour + 1)),
            },
            Fields(6, w.AddDays(-1), w.AddDays(30), Role.Installer),
        };
        foreach (CredentialFields fields in shapes)
        {
            _pool.Add(new Pass(_backend.Issue(fields), fields, _generation));
        }

        var intruder = new LockBackend(_backend.LockId, Bytes(32));
        CredentialFields forged = Fields(9, w.AddDays(-1), w.AddDays(30));
        _pool.Add(new Pass(intruder.Issue(forged), forged, -1));
    }

    private SimulatedLock Attach(SimulatedLock sim)
    {
        var reader = new NotificationReader();
        sim.Radio.Notified += n =>
        {
            if (reader.Add(n, sim.Now) is byte[] message && !LockEvent.IsEvent(message))
            {
                _answers.Add(message);
            }
        };
        return sim;
    }

    /// <summary>Sends a message and returns the lock's answer (null when the power went).</summary>
    private byte[]? Exchange(byte[] message)
    {
        // The app scans before it writes: while the lock restarts its BLE stack (after a drop or
        // a new status) it is off air and ATT would refuse the writes.
        for (int waited = 0; _sim.Powered && _sim.Radio.Holder == null && !_sim.Radio.Advertising && waited < 15_000; waited += 100)
        {
            _sim.RunFor(100);
        }

        _readFrom = _answers.Count;
        foreach (byte[] fragment in Fragments.Split(message))
        {
            _sim.Write(_sim.Now, fragment);
        }

        _sim.RunFor(5);
        return _answers.Count > _readFrom ? _answers[^1] : null;
    }

    /// <summary>Runs an exchange; a cut in the middle of a flash write ends this life of the unit, which boots again on its flash.</summary>
    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (PowerCutException)
        {
            _files.Disarm();
            DateTimeOffset wall = Wall;
            _bootAnchors.Clear();
            _sim = Attach(new SimulatedLock(new LockSetup { Files = _files, Epoch = wall.AddMilliseconds(_random.Next(10, 60_000)), StartFraction = 0.5 }));
            _batteryBackAt = 0;
            Counts.Cuts++;
        }
    }

    private void Reboot()
    {
        _sim.CutPower(_sim.Now);
        long back = _sim.Now + (_random.Next(3) == 0 ? _random.NextInt64(60_000, 2 * 86_400_000L) : 10);
        _sim.RestorePower(back);
        _batteryBackAt = Math.Max(_batteryBackAt, back);
        _sim.RunFor(1);
        _sim.RunFor(10);
        _bootAnchors.Clear();
        Counts.Reboots++;
    }

    private void SendToken()
    {
        long unix = Math.Clamp(Wall.ToUnixTimeSeconds() + TokenOffsets[_random.Next(TokenOffsets.Length)], 0, uint.MaxValue);
        Role authority = _random.Next(20) == 0 ? Role.Installer : Role.Staff;
        SendToken(DateTimeOffset.FromUnixTimeSeconds(unix), authority);
    }

    private void SendToken(DateTimeOffset time, Role authority)
    {
        // Told from the moment it is sent: the lock saves an accepted time before it answers, so
        // a cut between the two (which throws out of Exchange) or a lost answer leaves the lock
        // on a genuine time the phone never heard confirmed. Only a refusal takes it back.
        (long Unix, DateTimeOffset At) told = (time.ToUnixTimeSeconds(), Wall);
        _anchors.Add(told);
        bool off = !_sim.Powered;
        byte[]? answer = Exchange(_backend.TimeToken(time, authority));
        if (off && !_sim.Powered)
        {
            _anchors.Remove(told); // nobody there to take it
        }
        else if (answer is [0x85, 0x00])
        {
            _anchors.Remove(told);
            Anchor(told.Unix);
        }
        else if (answer != null)
        {
            _anchors.Remove(told);
            Counts.Refused((ResultCode)answer[1]);
        }
        else
        {
            // Not known to the floor; the clock may run from it or from the anchor before.
            _bootAnchors.Add((told.Unix, Wall));
        }
    }

    private void Anchor(long unix)
    {
        _bootAnchors.Clear();
        _bootAnchors.Add((unix, Wall));
        _anchors.Add((unix, Wall));
        _floor = Math.Max(_floor, unix);
    }

    private void Revoke()
    {
        CredentialFields admin = Fields(100, Wall.AddDays(-1), Wall.AddDays(400), Role.Admin);
        uint victim = (uint)_random.Next(1, 7);
        var session = new PhoneSession(_backend.Issue(admin), () => Bytes(8));
        if (!Hello(session))
        {
            return;
        }

        if (Exchange(session.Command(Opcode.RevokeKeys, BitConverter.GetBytes(victim))) is byte[] answer && answer.Length > 2
            && session.ReadResponse(answer).Result == ResultCode.Ok)
        {
            _revoked.Add(victim);
        }
    }

    /// <summary>HELLO as the app does it: a time token first when the lock's clock is unknown.</summary>
    private bool Hello(PhoneSession session)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            byte[]? answer = Exchange(session.Hello());
            if (answer == null)
            {
                return false;
            }

            try
            {
                session.OnChallenge(answer);
                return true;
            }
            catch (LockRefusedException refused) when (refused.Result == ResultCode.ClockUnknown && attempt == 0)
            {
                SendToken(Wall, Role.Staff);
            }
            catch (LockRefusedException refused)
            {
                Counts.Refused(refused.Result);
                return false;
            }
        }

        return false;
    }

    private void Visit(Pass pass) => Visit(pass, null);

    private ResultCode Visit(Pass pass, Opcode? only)
    {
        var session = new PhoneSession(pass.Issued, () => Bytes(8));
        if (!Hello(session))
        {
            return ResultCode.NoSession;
        }

        ResultCode last = ResultCode.NoSession;
        // Some phones keep the session alive with a Status every 25 s for minutes, then move the bolt.
        bool keepAlive = only == null && _random.Next(5) == 0;
        int commands = only != null ? 1 : keepAlive ? _random.Next(3, 30) : _random.Next(1, 4);
        for (int i = 0; i < commands; i++)
        {
            if (i > 0)
            {
                _sim.RunFor(keepAlive ? 25_000 : _random.Next(4) == 0 ? _random.Next(30_000, 200_000) : _random.Next(100, 28_000));
            }

            Opcode opcode = only ?? (keepAlive && i < commands - 1 ? Opcode.Status : _random.Next(3) switch { 0 => Opcode.Status, 1 => Opcode.Lock, _ => Opcode.Unlock });
            byte[]? answer = Exchange(session.Command(opcode));
            if (answer == null)
            {
                return ResultCode.NoSession;
            }

            if (answer.Length <= 2)
            {
                // Unsigned: the lock holds no session key, since the link supervisor dropped the
                // idle phone (which ends its session) and the phone's next write reconnected.
                Counts.Refused((ResultCode)answer[1]);
                return (ResultCode)answer[1];
            }

            CommandResponse response = session.ReadResponse(answer);
            last = response.Result;
            if (response.Result is ResultCode.Ok or ResultCode.AlreadyThere or ResultCode.AlreadyMoving or ResultCode.RefusedBattery)
            {
                if (opcode != Opcode.Status)
                {
                    Allowed(pass);
                }
            }
            else
            {
                Counts.Refused(response.Result);
            }
        }

        return last;
    }

    /// <summary>The lock let this credential move the bolt: every invariant must hold now.</summary>
    private void Allowed(Pass pass)
    {
        Counts.Moves++;
        long now = _sim.Core.Protocol.Clock.Now(_sim.Now);
        long lower = _bootAnchors.Count > 0 ? Math.Max(_floor, _bootAnchors.Min(a => a.Unix + Seconds(a.At))) : _floor;
        long upper = Math.Min(uint.MaxValue, _anchors.Max(a => a.Unix + Seconds(a.At)) + 1);
        Check(pass.Generation == _generation, $"key {pass.Fields.KeyId} of another secret (generation {pass.Generation}, lock at {_generation}) moved the bolt");
        Check(!_revoked.Contains(pass.Fields.KeyId), $"revoked key {pass.Fields.KeyId} moved the bolt");
        Check(now >= lower && now <= upper, $"the lock's time {now} is outside what it was told: {lower} … {upper}");
        Check(pass.Fields.ValidUntil.ToUnixTimeSeconds() > lower, $"key {pass.Fields.KeyId} expired at {pass.Fields.ValidUntil} moved the bolt at a known time {lower}");
        Check(pass.Fields.ValidFrom.ToUnixTimeSeconds() <= now && now < pass.Fields.ValidUntil.ToUnixTimeSeconds(), $"key {pass.Fields.KeyId} outside its window at {now}");
        Check(InSchedule(pass.Fields, now), $"key {pass.Fields.KeyId} outside its schedule at {now}");
    }

    private long Seconds(DateTimeOffset since) => (long)Math.Floor((Wall - since).TotalSeconds);

    private static bool InSchedule(CredentialFields fields, long unix)
    {
        if (fields.Days.Length == 0)
        {
            return true;
        }

        DateTimeOffset t = DateTimeOffset.FromUnixTimeSeconds(unix);
        double minute = t.TimeOfDay.TotalMinutes;
        return fields.Days.Contains(t.DayOfWeek) && minute >= fields.DayStart.TotalMinutes && minute < fields.DayEnd.TotalMinutes;
    }

    /// <summary>The installer at the unit: power on, long press, the back office's PAIR with a fresh secret and its time.</summary>
    private void Recover(bool mustSucceed)
    {
        if (_batteryBackAt > _sim.Now)
        {
            // The outage a reboot chose ends first: its pending power-on would otherwise boot the
            // unit again in the middle of the long press and close the pairing window.
            _sim.RunUntil(_batteryBackAt);
            _sim.RunFor(10);
            _bootAnchors.Clear();
        }

        if (!_sim.Powered)
        {
            _sim.RestorePower(_sim.Now);
            _sim.RunFor(10);
            _bootAnchors.Clear();
        }

        _sim.PressButton(_sim.Now, holdMs: 6_000);
        _sim.RunFor(7_000);
        byte[]? info = Exchange(UnitInfo.Request());
        var next = new LockBackend(_backend.LockId, Bytes(32));
        DateTimeOffset now = Wall;
        byte[]? answer = info == null ? null : Exchange(next.PairMessage(1, UnitInfo.Parse(info), _sim.Setup.UnitFactoryKey, now, Bytes(16)));
        bool paired = answer is [0x84, 0x00];
        Check(paired || !mustSucceed, $"the installer's re-pairing was refused: {(answer == null ? "no answer" : ((ResultCode)answer[1]).ToString())}");
        if (paired)
        {
            _backend = next;
            _generation++;
            _revoked.Clear();
            _anchors.Clear();
            _floor = now.ToUnixTimeSeconds();
            Anchor(_floor);
            IssuePool();
        }
    }

    /// <summary>Secrets, IVs and phone nonces from the seed too, so a failing seed replays exactly.</summary>
    private byte[] Bytes(int count)
    {
        byte[] bytes = new byte[count];
        _secrets.NextBytes(bytes);
        return bytes;
    }

    private void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvariantBroken(what);
        }
    }

    private sealed record Pass(IssuedCredential Issued, CredentialFields Fields, int Generation);

    /// <summary>What a run saw, so the test can tell the generator reached every case.</summary>
    public sealed class Tally
    {
        public int Moves;
        public int Reboots;
        public int Cuts;
        public int Recoveries;
        public int Lockouts;
        public readonly Dictionary<ResultCode, int> Refusals = [];

        public void Refused(ResultCode code) => Refusals[code] = Refusals.GetValueOrDefault(code) + 1;

        public void Add(Tally other)
        {
            Moves += other.Moves;
            Reboots += other.Reboots;
            Cuts += other.Cuts;
            Recoveries += other.Recoveries;
            Lockouts += other.Lockouts;
            foreach (var (code, n) in other.Refusals)
            {
                Refusals[code] = Refusals.GetValueOrDefault(code) + n;
            }
        }
    }
}

/// <summary>A security invariant failed in a random sequence.</summary>
internal sealed class InvariantBroken(string message) : Exception(message);
