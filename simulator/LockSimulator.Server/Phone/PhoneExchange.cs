using System;
using System.Collections.Generic;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;

namespace LockSimulator.Server.Phone;

/// <summary>
/// One connection of a <see cref="SimulatedPhone"/> to its lock: sends a command and runs the
/// lock (alone, ahead of the fleet) in small steps of virtual time until the answer came or a
/// timeout passed. Runs under the lock's gate.
/// </summary>
internal sealed class PhoneExchange
{
    /// <summary>Virtual time a phone waits for an answer: a HELLO with a time token and a long response fit easily.</summary>
    public const long AnswerTimeoutMs = 10_000;

    /// <summary>Step of virtual time between looks at the phone.</summary>
    private const long StepMs = 10;

    private readonly FleetLock _lock;
    private readonly SimulatedPhone _phone;
    private readonly int _firstRefusal;
    private readonly int _firstEvent;

    public PhoneExchange(FleetLock simulatedLock, SimulatedPhone phone)
    {
        _lock = simulatedLock;
        _phone = phone;
        _firstRefusal = phone.Refusals.Count;
        _firstEvent = phone.Events.Count;
    }

    /// <summary>The refusals of HELLO or SET_TIME during this connection, e.g. "Hello: OutsideWindow".</summary>
    public List<PhoneRefusal> Refusals
    {
        get
        {
            var refusals = new List<PhoneRefusal>();
            for (int i = _firstRefusal; i < _phone.Refusals.Count; i++)
            {
                (byte type, ResultCode result) = _phone.Refusals[i];
                refusals.Add(new PhoneRefusal(MessageName(type), result.ToString()));
            }

            return refusals;
        }
    }

    public List<PhoneEventView> Events => _phone.Events.GetRange(_firstEvent, _phone.Events.Count - _firstEvent).ConvertAll(View);

    /// <summary>The last event the lock notified during this connection, if any.</summary>
    public LockEvent? LastEvent => _phone.Events.Count > _firstEvent ? _phone.Events[^1] : null;

    /// <summary>Sends <paramref name="opcode"/> (opening a session as needed); null when refused or unanswered.</summary>
    public CommandResponse? Command(Opcode opcode, byte[]? payload = null)
    {
        int responses = _phone.Responses.Count;
        int refusals = _phone.Refusals.Count;
        _phone.Send(_lock.Sim.Now, opcode, payload);
        RunWhile(() => _phone.Responses.Count == responses && _phone.Refusals.Count == refusals, AnswerTimeoutMs);
        return _phone.Responses.Count > responses ? _phone.Responses[^1] : null;
    }

    /// <summary>Lets virtual time pass while <paramref name="condition"/> holds, at most <paramref name="timeoutMs"/>.</summary>
    public void RunWhile(Func<bool> condition, long timeoutMs)
    {
        long end = _lock.Sim.Now + timeoutMs;
        _lock.Sim.RunUntil(_lock.Sim.Now);
        while (condition() && _lock.Sim.Now < end)
        {
            _lock.Sim.RunFor(StepMs);
        }
    }

    private static PhoneEventView View(LockEvent e) => e switch
    {
        StateChanged s => new PhoneEventView { Kind = "stateChanged", State = s.State.ToString(), Alarm = s.Alarm.ToString(), Battery = s.Battery.ToString() },
        SelfTestFinished t => new PhoneEventView { Kind = "selfTestFinished", Outcome = t.Outcome.ToString(), LoadedMillivolts = t.LoadedMillivolts },
        _ => new PhoneEventView { Kind = e.GetType().Name },
    };

    private static string MessageName(byte type) => (type & ~MessageType.ResponseFlag) switch
    {
        MessageType.Hello => "Hello",
        MessageType.SetTime => "SetTime",
        MessageType.Command => "Command",
        MessageType.Pair => "Pair",
        MessageType.Info => "Info",
        _ => $"0x{type:X2}",
    };
}
