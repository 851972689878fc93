using System;
using LockFirmware.Ble;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Phone;

/// <summary>
/// The lock's one BLE connection shared by the virtual phones that plan operations on it in
/// advance (the fleet day). The unit serves one phone at a time (one connection, one session,
/// as the server's BLE link models it), so a phone that finds the lock busy with another
/// phone's operation does what the app does: the lock is not connectable, and the app tries
/// again a little later. A holder whose operation was answered (or
/// whose answer did not come within the app's timeout) has disconnected.
/// </summary>
internal sealed class ConnectionArbiter
{
    /// <summary>How long the app waits before it looks for a busy lock again.</summary>
    public const long RetryMs = 1_000;

    private readonly FleetLock _lock;
    /// <summary>What each phone sent: a few phones per lock, so an array searched in turn (a dictionary per lock cost more than it saved).</summary>
    private Holding[] _holdings = [];

    /// <summary>The operations planned so far, one per phone and opcode: each is scheduled (and retried) with its one delegate.</summary>
    private Planned[] _planned = [];

    /// <summary>What the phone that took the connection last sent (its sending may still be on the lock's agenda).</summary>
    private Holding? _holder;

    public ConnectionArbiter(FleetLock target)
    {
        _lock = target;
    }

    /// <summary>Times a phone found the lock busy and tried again later.</summary>
    public int Waits { get; private set; }

    /// <summary>Plans <paramref name="opcode"/> from <paramref name="phone"/> at the lock's time <paramref name="timeMs"/>.</summary>
    public void Send(SimulatedPhone phone, long timeMs, Opcode opcode) => _lock.Sim.At(timeMs, PlannedFor(phone, opcode).TrySend);

    /// <summary>
    /// Makes room on the lock's agenda for <paramref name="sends"/> planned at once, and for what
    /// a command in flight adds beside them (its frames, the power refresh, retries).
    /// </summary>
    public void ExpectSends(int sends) => _lock.Sim.ReserveAgenda(sends + InFlightEntries);

    /// <summary>
    /// Room for the entries a command's exchange adds while the plan waits (its fragments, two
    /// entries each, and timers): at most 9 in a fleet day of 50 000 locks, so 16 leaves room and
    /// keeps a fleet lock's agenda at 48 entries (1.2 KB) rather than 64 (1.6 KB).
    /// </summary>
    private const int InFlightEntries = 16;

    private Planned PlannedFor(SimulatedPhone phone, Opcode opcode)
    {
        foreach (Planned known in _planned)
        {
            if (known.Phone == phone && known.Opcode == opcode)
            {
                return known;
            }
        }

        var made = new Planned(this, HoldingOf(phone), opcode);
        _planned = [.. _planned, made];
        return made;
    }

    private void TrySend(Planned planned)
    {
        SimulatedLock sim = _lock.Sim;
        Holding holding = planned.Holding;
        if (_holder != null && _holder != holding)
        {
            if (Busy(_holder))
            {
                Waits++;
                sim.At(sim.Now + RetryMs, planned.TrySend);
                return;
            }

            // The previous phone's app has finished and disconnects before this one connects.
            _lock.Disconnect();
        }

        _holder = holding;
        holding.Sent++;
        holding.LastSentMs = sim.Now;
        sim.At(sim.Now, planned.Send);
    }

    /// <summary>A phone holds the connection while an operation it sent is unanswered, up to the app's answer timeout.</summary>
    private bool Busy(Holding holding)
    {
        SimulatedPhone holder = holding.Phone;
        int answered = holder.Answered + holder.Refusals.Count;
        return answered < holding.Sent && _lock.Sim.Now - holding.LastSentMs < PhoneExchange.AnswerTimeoutMs;
    }

    private Holding HoldingOf(SimulatedPhone phone)
    {
        foreach (Holding known in _holdings)
        {
            if (known.Phone == phone)
            {
                return known;
            }
        }

        var made = new Holding(phone);
        _holdings = [.. _holdings, made];
        return made;
    }

    /// <summary>An operation of one phone (with what that phone sent, found once), and the one delegate that tries (and tries again) to send it.</summary>
    private sealed class Planned : LockSimulator.Timing.IPrefetchable
    {
        private readonly ConnectionArbiter _arbiter;

        public Planned(ConnectionArbiter arbiter, Holding holding, Opcode opcode)
        {
            _arbiter = arbiter;
            Holding = holding;
            Opcode = opcode;
            Send = holding.Phone.Sender(opcode);
            TrySend = Try;
        }

        public Holding Holding { get; }

        public SimulatedPhone Phone => Holding.Phone;

        public Opcode Opcode { get; }

        /// <summary>The phone's own send of the operation (as <see cref="SimulatedPhone.Send"/> schedules it).</summary>
        public Action Send { get; }

        public Action TrySend { get; }

        private void Try() => _arbiter.TrySend(this);

        public int PrefetchStages => 3;

        /// <summary>What trying reads: the holding and the phone's send, then the phone and the send's owner, then the phone's parts.</summary>
        public void Prefetch(int stage)
        {
            switch (stage)
            {
                case 0:
                    LockSimulator.Timing.Prefetch.Lines(Holding, 1);
                    LockSimulator.Timing.Prefetch.Lines(Send, 2);
                    LockSimulator.Timing.Prefetch.Lines(_arbiter, 1);
                    break;
                case 1:
                    LockSimulator.Timing.Prefetch.Lines(Holding.Phone, 2);
                    LockSimulator.Timing.Prefetch.Lines(Send.Target, 1);
                    break;
                default:
                    Holding.Phone.PrefetchParts();
                    break;
            }
        }
    }

    private sealed class Holding(SimulatedPhone phone)
    {
        public SimulatedPhone Phone { get; } = phone;

        public int Sent { get; set; }

        public long LastSentMs { get; set; }
    }
}
