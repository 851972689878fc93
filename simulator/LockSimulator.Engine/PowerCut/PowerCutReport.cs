using System.Collections.Generic;
using LockSimulator.Virtual;

namespace LockSimulator.PowerCut;

/// <summary>What a power-cut proof tried and found.</summary>
public sealed class PowerCutReport
{
    /// <summary>Power cuts made and checked (every point of the scripted workload, plus one per random life that was cut).</summary>
    public long CutPoints { get; set; }

    public long ScriptedPoints { get; set; }

    public int Lives { get; set; }

    /// <summary>Audit records checked after the cuts (summed over every check).</summary>
    public long RecordsChecked { get; set; }

    /// <summary>Committed state copies the checks compared against.</summary>
    public long StatesChecked { get; set; }

    /// <summary>Reboots after which the lock opened for its owner's staff.</summary>
    public long Unlocks { get; set; }

    /// <summary>The first loss found, as a sentence; null when none.</summary>
    public string? FirstLoss { get; set; }

    /// <summary>Audit appends and state saves the workload committed.</summary>
    public long Commits { get; set; }

    /// <summary>Bytes the firmware asked to write, and bytes programmed into flash for them (overhead and compaction included).</summary>
    public long PayloadBytes { get; set; }

    public long ProgrammedBytes { get; set; }

    /// <summary>Flash blocks erased over the workload.</summary>
    public long Erases { get; set; }

    /// <summary>Slowest virtual device time of each storage operation over the workload at typical flash timing, µs.</summary>
    public Dictionary<StorageOperation, long> WorstMicros { get; } = new();

    /// <summary>The same with the datasheets' maximum erase and program times, µs.</summary>
    public Dictionary<StorageOperation, long> WorstMicrosSlowestFlash { get; } = new();
}
