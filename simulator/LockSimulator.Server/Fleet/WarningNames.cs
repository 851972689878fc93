using System;
using System.Collections.Generic;
using LockFirmware.Status;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Fleet;

/// <summary>The status's warning bits (firmware Status/Warnings.cs) by name: both warnings bytes (bits 0–7 and, from a mains-fed unit, 8–15).</summary>
internal static class WarningNames
{
    private static readonly (int Bit, string Name)[] Bits =
    [
        (Warnings.BatteryUnavailable, nameof(Warnings.BatteryUnavailable)),
        (Warnings.BatteryAboutToBeUnavailable, nameof(Warnings.BatteryAboutToBeUnavailable)),
        (Warnings.NeedsImmediateVerification, nameof(Warnings.NeedsImmediateVerification)),
        (Warnings.NeedsCriticalSoftwareUpdate, nameof(Warnings.NeedsCriticalSoftwareUpdate)),
        (Warnings.BatteryNotVerified, nameof(Warnings.BatteryNotVerified)),
        (Warnings.Tamper, nameof(Warnings.Tamper)),
        (Warnings.MemoryReset, nameof(Warnings.MemoryReset)),
        (Warnings.MainsLost, nameof(Warnings.MainsLost)),
        (Warnings.BackupLow, nameof(Warnings.BackupLow)),
    ];

    /// <summary>Every warning name, in bit order.</summary>
    public static string[] All => Array.ConvertAll(Bits, b => b.Name);

    public static string[] Of(int bits)
    {
        var names = new List<string>();
        foreach ((int bit, string name) in Bits)
        {
            if ((bits & bit) != 0)
            {
                names.Add(name);
            }
        }

        return names.ToArray();
    }

    public static WarningsView View(int bits) => new(bits, Of(bits));
}
