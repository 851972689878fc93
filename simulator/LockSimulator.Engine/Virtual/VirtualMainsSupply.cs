using LockFirmware.Events;
using LockSimulator.Tracing;

namespace LockSimulator.Virtual;

/// <summary>
/// The building's supply of a port or laundry unit as its sense input shows the firmware: an
/// optocoupler lit by the supply, read as a contact on a GPIO (hardware/boards/port-unit.md,
/// "Power"). Like the ESP32's ContactInput it posts the input's state when the firmware starts
/// and every change after; the firmware's own settle time (MainsSupply.SettleMs) decides when a
/// change counts. Present until a scenario cuts it. The same supply feeds the strike's coil
/// unless the installer wired the strike from a backed-up 12 V.
/// </summary>
public sealed class VirtualMainsSupply
{
    private readonly TraceRecorder _trace;
    private InputQueue? _inputs;

    private readonly VirtualStrike? _strike;

    /// <param name="strike">The strike whose coil the same supply feeds; null when the strike hangs on a backed-up 12 V (LockSettings.StrikeSupplyBackedUp).</param>
    public VirtualMainsSupply(TraceRecorder trace, VirtualStrike? strike)
    {
        _trace = trace;
        _strike = strike;
    }

    public bool Present { get; private set; } = true;

    /// <summary>The firmware started: the adapter opens the pin and posts its level.</summary>
    public void Attach(InputQueue inputs, long now)
    {
        _inputs = inputs;
        _trace.Record(now, Signals.Mains, Present ? "present" : "lost");
        Post();
    }

    /// <summary>The supply goes or comes back.</summary>
    public void Set(long now, bool present)
    {
        if (present == Present)
        {
            return;
        }

        Present = present;
        _strike?.Supply(present);
        _trace.Record(now, Signals.Mains, present ? "present" : "lost");
        Post();
    }

    private void Post() => _inputs?.Post(Present ? InputKind.MainsPresent : InputKind.MainsLost);
}
