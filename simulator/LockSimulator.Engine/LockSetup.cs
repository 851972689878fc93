using System;
using LockFirmware;
using LockSimulator.Physics;

namespace LockSimulator;

/// <summary>How a simulated lock is built: its unit, battery, pairing and where the bolt starts.</summary>
public sealed record LockSetup
{
    /// <summary>Serial number printed on the unit (8 characters).</summary>
    public string Serial { get; init; } = "SIM00001";

    /// <summary>The lock id the backend knows it by.</summary>
    public uint LockId { get; init; } = 1001;

    /// <summary>The per-lock secret set at pairing (32 bytes); the backend keeps a copy.</summary>
    public byte[] Secret { get; init; } = DefaultSecret();

    /// <summary>Arrives paired by the installer (its flash already holds id and secret); false = stock unit.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>Wall time at virtual time zero (UTC).</summary>
    public DateTimeOffset Epoch { get; init; } = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public MotorParameters Motor { get; init; } = new();

    public BatteryParameters Battery { get; init; } = BatteryParameters.Good;

    /// <summary>The chip and nanoFramework image: what each state of the board costs (default: the production board on our low-power image).</summary>
    public Budget.BoardBudget Power { get; init; } = Budget.BoardBudget.For(Budget.Chip.Esp32C3, Budget.ImageProfile.LowPower);

    /// <summary>Thumb-turn angle at start, as a fraction of the travel: 0 locked, 1 unlocked.</summary>
    public double StartFraction { get; init; }

    /// <summary>The unit's flash, to boot a lock on memory it already has; a new erased chip when null.</summary>
    public Virtual.VirtualFlash? Flash { get; init; }

    /// <summary>The firmware's settings; a fresh default when null.</summary>
    public LockSettings? Settings { get; init; }

    private static byte[] DefaultSecret()
    {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.Length; i++)
        {
            secret[i] = (byte)(0xA0 + i);
        }

        return secret;
    }
}
