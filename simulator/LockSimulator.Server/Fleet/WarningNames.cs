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

    // A warnings event's value and names per value of the first byte, made once and shared by the
    // events (every lock reports its warnings at boot). Each is a function of the bits alone, so a
    // race only makes one twice.
    private static readonly string?[] HexOfByte = new string?[256];
    private static readonly string[]?[] NamesOfByte = new string[]?[256];

    /// <summary>A warnings event's value ("0x10") for <paramref name="bits"/>.</summary>
    public static string Hex(int bits) => (uint)bits < 256 ? HexOfByte[bits] ??= $"0x{bits:X2}" : $"0x{bits:X2}";

    /// <summary>The names of <paramref name="bits"/> for an event, shared between events of the same bits: not to be changed.</summary>
    public static string[] OfEvent(int bits) => (uint)bits < 256 ? NamesOfByte[bits] ??= Of(bits) : Of(bits);
}
