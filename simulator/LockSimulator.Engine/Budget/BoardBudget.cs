namespace LockSimulator.Budget;

/// <summary>The chip a board is built on; the figures differ per chip.</summary>
public enum Chip
{
    Esp32S3,
    Esp32C3,
}

/// <summary>Which nanoFramework image runs on the chip (hardware/power-budget.md).</summary>
public enum ImageProfile
{
    /// <summary>nanoFramework's stock BLE image: no power management configured, CPU never sleeps.</summary>
    Stock,

    /// <summary>Our production image: automatic light sleep with BLE kept, 32.768 kHz crystal, ~1 s advertising.</summary>
    LowPower,
}

/// <summary>
/// What the board spends: the time each operation takes on the device and the current each
/// state draws. This is the one place these figures live: device timing in the virtual board,
/// the end-to-end latency report and the battery-life estimate all read them from here, so
/// they cannot disagree. Every figure names its source; hardware/power-budget.md explains them.
/// </summary>
public sealed class BoardBudget
{
    private BoardBudget(Chip chip, ImageProfile profile)
    {
        Chip = chip;
        Profile = profile;
    }

    public Chip Chip { get; }

    public ImageProfile Profile { get; }

    // ---- Scheduling (nanoFramework on FreeRTOS) ----

    /// <summary>FreeRTOS tick: every managed wait ends on a tick (ESP-IDF default CONFIG_FREERTOS_HZ=100, kept by nf-interpreter's ESP32 sdkconfig).</summary>
    public int TickMs { get; init; } = 10;

    /// <summary>The CLR's managed thread quantum: a ready managed thread may wait this long for another to yield (nf-interpreter CLR scheduler, 20 ms time slice).</summary>
    public int ThreadQuantumMs { get; init; } = 20;

    // ---- Operation costs (device time, microseconds) ----

    /// <summary>One HMAC-SHA256 over a short message through nanoFramework's native crypto, including the interop call and the result array (mbedTLS on the chip; interpreter overhead estimated).</summary>
    public int HmacMicros { get; init; }

    /// <summary>Programming one 256-byte page of the SPI flash (typical; GD25Q/W25Q-class datasheets: 0.4–0.7 ms typ, 3 ms max).</summary>
    public int FlashPageProgramMicros { get; init; } = 700;

    /// <summary>Erasing one 4 KiB sector of the SPI flash (typical 45 ms, max 400 ms in the same datasheets).</summary>
    public int FlashSectorEraseMicros { get; init; } = 45_000;

    /// <summary>LittleFS block size on nanoFramework's ESP32 partition: one flash sector.</summary>
    public int FileSystemBlockBytes { get; init; } = 4096;

    /// <summary>Handing one notification to NimBLE from managed code (interop + mbuf copy; estimated).</summary>
    public int NotifyMicros { get; init; } = 300;

    /// <summary>
    /// Restarting the BLE stack, during which the lock cannot be found: how nanoFramework 1.1.123
    /// renews advertising or drops a phone (GattServiceProvider.StopAdvertising stops NimBLE;
    /// StartAdvertising re-inits it and waits for host sync, nf-interpreter WaitForBleStackStart,
    /// bounded at 10 s). Controller and host init plus rebuilding the GATT table: estimated 1 s.
    /// </summary>
    public int BleStackRestartMs { get; init; } = 1_000;

    // ---- Currents (microamps at the pack, through the board's regulator) ----

    /// <summary>CPU awake and idle with the radio enabled (ESP-IDF current figures: S3 ≈ 38 mA, C3 ≈ 20 mA at 160 MHz).</summary>
    public int AwakeIdleMicroamps { get; init; }

    /// <summary>Average floor between radio events: stock image = awake idle; low-power image = automatic light sleep with BLE kept (ESP-IDF NimBLE power_save example with a 32.768 kHz crystal: S3 ≈ 230 µA, C3 ≈ 140 µA).</summary>
    public int IdleFloorMicroamps { get; init; }

    /// <summary>The chip for the given image profile, with the figures above.</summary>
    public static BoardBudget For(Chip chip, ImageProfile profile)
    {
        bool s3 = chip == Chip.Esp32S3;
        int awake = s3 ? 38_000 : 20_000;
        return new BoardBudget(chip, profile)
        {
            // mbedTLS SHA-256 in software at 160–240 MHz is a few µs per block; the interpreter's
            // interop, argument marshalling and the result array dominate (estimate: 150 µs).
            HmacMicros = 150,
            AwakeIdleMicroamps = awake,
            IdleFloorMicroamps = profile == ImageProfile.Stock ? awake : (s3 ? 230 : 140),
        };
    }
}
