using System;
using LockFirmware;
using LockSimulator.Budget;
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
    public byte[] Secret { get => _secret ??= DefaultSecret(); init => _secret = value; }

    // Made when first read: most setups are given their own secret.
    private byte[]? _secret;

    /// <summary>Left production with its identity (serial, factory key, ADC calibration) written; false = a blank unit for the provision step.</summary>
    public bool Provisioned { get; init; } = true;

    /// <summary>The unit's factory key (32 bytes), known to the back office by serial; derived from the serial when null.</summary>
    public byte[]? FactoryKey { get; init; }

    /// <summary>The ADC calibration factor measured at production, parts per 10 000.</summary>
    public int AdcCalibration { get; init; } = 10_000;

    /// <summary>The factory key in use: <see cref="FactoryKey"/> or one derived from the serial.</summary>
    public byte[] UnitFactoryKey => FactoryKey ?? DefaultFactoryKey(Serial);

    /// <summary>The simulator's stand-in for the production line's key generator: a fixed key per serial.</summary>
    public static byte[] DefaultFactoryKey(string serial)
    {
        const string Prefix = "lock-simulator/factory-key/";
        // The text's ASCII bytes (one per character) written where they are hashed: no string or array per unit.
        Span<byte> text = serial.Length <= 64 ? stackalloc byte[Prefix.Length + 64] : new byte[Prefix.Length + serial.Length];
        int length = System.Text.Encoding.ASCII.GetBytes(Prefix, text);
        length += System.Text.Encoding.ASCII.GetBytes(serial, text[length..]);
        return System.Security.Cryptography.SHA256.HashData(text[..length]);
    }

        /// <summary>Arrives paired by the installer (its files already hold id and secret); false = stock unit. Applies only to a new file system.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>Wall time at virtual time zero (UTC).</summary>
    public DateTimeOffset Epoch { get; init; } = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    /// <summary>A door unit (thumb-turn motor) or a port or laundry unit (electric strike); the firmware's setting follows it.</summary>
    public UnitKind Kind { get; init; } = UnitKind.Door;

    public MotorParameters Motor { get; init; } = DefaultMotor;

    public BatteryParameters Battery { get; init; } = DefaultBattery;

    /// <summary>The chip and nanoFramework image: what each state of the board costs (default: the production board on our low-power image).</summary>
    public BoardBudget Power { get; init; } = DefaultPower;

    /// <summary>How the drive train is integrated: exactly between events (the default), or in the fixed 0.5 ms steps it is proven against.</summary>
    public DriveTrainIntegration Integration { get; init; } = DriveTrainIntegration.Exact;

    /// <summary>Thumb-turn angle at start, as a fraction of the travel: 0 locked, 1 unlocked.</summary>
    public double StartFraction { get; init; }

    /// <summary>The unit's file system, to boot a lock on files it already has (then it is not provisioned again); a new, empty one when null.</summary>
    public Virtual.VirtualFileSystem? Files { get; init; }

    /// <summary>The firmware's settings; a fresh default when null.</summary>
    public LockSettings? Settings { get; init; }

    /// <summary>Ideal time, or as slow and coarse as the board (Timing.BoardScheduler).</summary>
    public Timing.TimingProfile Timing { get; init; } = LockSimulator.Timing.TimingProfile.Ideal;

    /// <summary>
    /// Slots of the firmware's input queue on ideal timing; null: 16. The ideal link hands a
    /// message's fragments over at once, without the ATT write response that paces a phone between
    /// them on the board, so the default has room for the longest message's 14 writes at the default
    /// MTU. A setup whose phones send only shorter messages may take fewer (each slot holds a
    /// 253-byte write); the board's timing always has the board's queue (InputQueue.BoardCapacity).
    /// </summary>
    public int? InputSlots { get; init; }

    /// <summary>Seed of the device profile's jitter and GC pauses: the same seed, the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The board's operation costs; the ESP32-S3 with the stock image when null.</summary>
    public Budget.BoardBudget? Budget { get; init; }

    // Immutable, so every setup that keeps the default shares one (a fleet has a setup per lock).
    private static readonly MotorParameters DefaultMotor = new();
    private static readonly BatteryParameters DefaultBattery = BatteryParameters.Good;
    private static readonly BoardBudget DefaultPower = BoardBudget.For(Chip.Esp32C3, ImageProfile.LowPower);

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
