using System;
using System.Linq;
using LockFirmware.Ble;
using LockSimulator;

namespace LockFirmware.Benchmarks.Rig;

/// <summary>
/// Simulated locks, each with a staff phone that visits once per virtual minute: unlock, then
/// lock 20 s later, staggered across the fleet. A fleet lives for one benchmark iteration of
/// <see cref="Seconds"/> virtual seconds: the simulator keeps every trace event and
/// notification, so a fleet that ran for a whole benchmark would measure its own growth.
/// </summary>
public sealed class Fleet
{
    public const int Seconds = 60;

    private readonly SimulatedLock[] _locks;
    private readonly SimulatedPhone[] _phones;

    public Fleet(int size)
    {
        _locks = new SimulatedLock[size];
        _phones = new SimulatedPhone[size];
        for (int i = 0; i < size; i++)
        {
            _locks[i] = new SimulatedLock(new LockSetup());
            _phones[i] = SimulatedPhone.Staff(_locks[i]);
            long unlockAt = i * 7 % 30 * 1000L + 500;
            _phones[i].Send(unlockAt, Opcode.Unlock);
            _phones[i].Send(unlockAt + 20_000, Opcode.Lock);
        }
    }

    /// <summary>One virtual second for every lock.</summary>
    public void AdvanceOneSecond()
    {
        foreach (SimulatedLock simulated in _locks)
        {
            simulated.RunFor(1000);
        }
    }

    /// <summary>Throws unless every answer so far was Ok: a refused visit would make the step cheaper than a real one.</summary>
    public void Check()
    {
        foreach (SimulatedPhone phone in _phones)
        {
            if (phone.Refusals.Count > 0 || phone.Responses.Any(response => response.Result != ResultCode.Ok))
            {
                throw new InvalidOperationException("a simulated visit was refused");
            }
        }
    }
}
