using LockFirmware.Ports;
using LockSimulator.Budget;

namespace LockSimulator.Timing;

/// <summary>
/// A port unit's strike relay with the board's time for the dispatcher's work before a release:
/// the same interpreted stages as before a motor start (<see cref="UnlockPathCost.DispatcherToMotor"/>:
/// queue take, reassembly, authentication, policy; the relay output stands in for the bridge),
/// spent as the relay is switched on, so the strike releases no earlier than the board would.
/// </summary>
internal sealed class TimedStrike : IStrike
{
    private readonly IStrike _inner;
    private readonly BoardScheduler _scheduler;
    private bool _released;

    public TimedStrike(IStrike inner, BoardScheduler scheduler)
    {
        _inner = inner;
        _scheduler = scheduler;
    }

    public void Release(bool released)
    {
        if (released && !_released)
        {
            _scheduler.SpendInterpreted(UnlockPathCost.DispatcherToMotorInterpretedMicros(_scheduler.Budget));
        }

        _released = released;
        _inner.Release(released);
    }
}
