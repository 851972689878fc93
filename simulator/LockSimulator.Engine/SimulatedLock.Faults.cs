using LockFirmware;
using LockFirmware.Ports;
using LockFirmware.Safety;
using LockSimulator.Faults;
using LockSimulator.Tracing;

namespace LockSimulator;

/// <summary>The simulated lock's dispatcher rounds, and the software faults that can be injected into them.</summary>
public sealed partial class SimulatedLock
{
    /// <summary>The managed code hangs for <paramref name="ms"/> in the dispatcher's first round at or after <paramref name="timeMs"/> (other managed threads, the guard's, still run).</summary>
    public void InjectHang(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"managed code hangs for {ms} ms");
        _hangNextRoundMs = ms;
    });

    /// <summary>A garbage-collector pause of <paramref name="ms"/> at <paramref name="timeMs"/>: every managed thread stops.</summary>
    public void InjectGcPause(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"GC pause of {ms} ms");
        Scheduler.Pause(Now, ms, native: true);
    });

    /// <summary>The first flash write at or after <paramref name="timeMs"/> takes <paramref name="ms"/>, every managed thread blocked meanwhile.</summary>
    public void InjectSlowFlashCommit(long timeMs, long ms) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, $"the next flash commit takes {ms} ms");
        if (_timedFlash != null)
        {
            _timedFlash.SlowNextWriteMs = ms;
        }
    });

    /// <summary>An adapter's event handler throws at <paramref name="timeMs"/> (contained there and reported to the dispatcher).</summary>
    public void InjectCallbackThrow(long timeMs) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, "an adapter callback threw");
        _reportedFault = FaultKind.Callback;
    });

    /// <summary>The ADC adapter throws on its next read, at or after <paramref name="timeMs"/>, inside a dispatcher round.</summary>
    public void InjectAdapterThrow(long timeMs) => At(timeMs, () =>
    {
        Trace.Log(Now, Signals.Fault, "the ADC adapter will throw on its next read");
        if (_analog != null)
        {
            _analog.ThrowNext = true;
        }
    });

    /// <summary>
    /// One round of the dispatcher (firmware/LockFirmware/Esp32/Dispatcher.cs): an exception
    /// an adapter reported, or one thrown in the round, is contained as on the board: outputs
    /// safe, fault recorded, restart. Only injected faults are contained here; any other
    /// exception is a defect and surfaces in the test that hit it.
    /// </summary>
    private void Round()
    {
        if (_hangNextRoundMs > 0)
        {
            Scheduler.Pause(Now, _hangNextRoundMs, native: false);
            _hangNextRoundMs = 0;
            return;
        }

        LockCore core = _core!;
        FaultKind fault = _reportedFault;
        _reportedFault = FaultKind.None;
        if (fault == FaultKind.None)
        {
            try
            {
                core.Process();
            }
            catch (InjectedFaultException)
            {
                fault = FaultKind.Round;
            }
        }

        if (fault != FaultKind.None)
        {
            core.ContainFault(fault);
            Restart($"fault contained ({fault}): outputs off, fault {core.FaultCount} recorded, restart");
            return;
        }

        Scheduler.RoundDone();
        int gc = Scheduler.NextGcPause();
        if (gc > 0)
        {
            Scheduler.Pause(Now, gc, native: true);
        }
    }

    /// <summary>A clean restart of the firmware on the same board and flash (Power.RebootDevice on the device).</summary>
    private void Restart(string why)
    {
        Trace.Log(Now, Signals.Fault, why);
        FaultRestarts++;
        _core = null;
        Connected = null;
        LinkLost?.Invoke();
        Board.Drive(MotorDrive.Coast);
        Board.Apply(false);
        Scheduler.Reset(Now);
        Guard.Reset();
        Boot();
    }
}
