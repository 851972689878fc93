using LockFirmware;
using LockSimulator.Physics;

namespace LockSimulator;

/// <summary>How a simulated lock is built: its unit, battery, secret and where the bolt starts.</summary>
public sealed record LockSetup
{
    public string Serial { get; init; } = "SIM-0001";

    /// <summary>The per-lock secret the phone's frames are authenticated with (32 bytes).</summary>
    public byte[] Secret { get; init; } = DefaultSecret();

    public MotorParameters Motor { get; init; } = new();

    public BatteryParameters Battery { get; init; } = BatteryParameters.Good;

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
