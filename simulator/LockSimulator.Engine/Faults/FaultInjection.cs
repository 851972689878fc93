using System;

namespace LockSimulator.Faults;

/// <summary>The software faults the virtual board can inject, by the names the CLI and the server use.</summary>
public static class FaultInjection
{
    public const string Hang = "hang";
    public const string GcPause = "gc-pause";
    public const string FlashCommit = "flash-commit";
    public const string AdapterThrows = "adapter-throws";
    public const string CallbackThrows = "callback-throws";

    public static readonly string[] Kinds = [Hang, GcPause, FlashCommit, AdapterThrows, CallbackThrows];

    /// <summary>True for the faults that stop every managed thread, the guard's included, for their length.</summary>
    public static bool StopsAllManagedCode(string kind) => kind is GcPause or FlashCommit;

    /// <summary>Schedules <paramref name="kind"/> at <paramref name="atMs"/>, lasting <paramref name="ms"/> where it has a length.</summary>
    /// <exception cref="ArgumentException">An unknown kind.</exception>
    public static void Inject(SimulatedLock sim, string kind, long atMs, long ms)
    {
        switch (kind)
        {
            case Hang:
                sim.InjectHang(atMs, ms);
                break;
            case GcPause:
                sim.InjectGcPause(atMs, ms);
                break;
            case FlashCommit:
                sim.InjectSlowFlashCommit(atMs, ms);
                break;
            case AdapterThrows:
                sim.InjectAdapterThrow(atMs);
                break;
            case CallbackThrows:
                sim.InjectCallbackThrow(atMs);
                break;
            default:
                throw new ArgumentException($"fault kind must be one of {string.Join(", ", Kinds)}", nameof(kind));
        }
    }
}
