using System;

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

    /// <summary>
    /// FreeRTOS tick: every managed wait and native timer ends on a tick. nf-interpreter
    /// targets/ESP32/_IDF/sdkconfig.default sets CONFIG_FREERTOS_HZ=100; the BLE S3 defconfig
    /// (sdkconfig.default_ble.esp32s3) does not override it, so ESP-IDF's default 100 Hz holds.
    /// The GPIO debounce timer uses the same tick (targets/ESP32/_nanoCLR/System.Device.Gpio/
    /// cpu_gpio.cpp: debounce ms / portTICK_PERIOD_MS, at least one tick).
    /// </summary>
    public int TickMs { get; init; } = 10;

    /// <summary>
    /// The CLR's managed thread quantum: a ready managed thread may wait this long while
    /// another runs (nf-interpreter src/CLR/Include/nanoCLR_Runtime.h,
    /// CLR_RT_Thread::c_TimeQuantum_Milliseconds = 20). Every managed wake-up (a timer, an
    /// adapter's event handler) is late by up to this much.
    /// </summary>
    public int ThreadQuantumMs { get; init; } = 20;

    /// <summary>
    /// Interpreting one dispatcher round: queue take, a motor step's two ADC reads and its
    /// arithmetic, the check-in (estimate: nanoFramework interprets on the order of a million
    /// IL instructions a second at 240 MHz; a round is a few hundred, plus two native ADC calls).
    /// </summary>
    public int RoundMicros { get; init; } = 400;

    /// <summary>
    /// Shortest and longest garbage-collector pause (estimate for a ~50 KB managed heap: the
    /// nanoFramework GC marks and sweeps the whole heap with every managed thread stopped;
    /// compaction makes the long ones).
    /// </summary>
    public int GcPauseMinMs { get; init; } = 5;

    /// <inheritdoc cref="GcPauseMinMs"/>
    public int GcPauseMaxMs { get; init; } = 25;

    /// <summary>On average one GC pause in this many dispatcher rounds (estimate: a few hundred bytes of BLE garbage per command, a heap of ~50 KB).</summary>
    public int RoundsPerGc { get; init; } = 200;

    // ---- Operation costs (device time, microseconds) ----

    /// <summary>One HMAC-SHA256 over a short message through nanoFramework's native crypto, including the interop call and the result array (mbedTLS on the chip; interpreter overhead estimated).</summary>
    public int HmacMicros { get; init; }

    /// <summary>Programming one 256-byte page of the SPI flash (typical; GD25Q/W25Q-class datasheets: 0.4–0.7 ms typ, 3 ms max).</summary>
    public int FlashPageProgramMicros { get; init; } = 700;

    /// <summary>Erasing one 4 KiB sector of the SPI flash (typical 45 ms, max 400 ms in the same datasheets).</summary>
    public int FlashSectorEraseMicros { get; init; } = 45_000;

    /// <summary>Worst-case page program time in the same datasheets (tPP max 3 ms).</summary>
    public int FlashPageProgramMaxMicros { get; init; } = 3_000;

    /// <summary>Worst-case 4 KiB sector erase in the same datasheets (tSE max 400 ms).</summary>
    public int FlashSectorEraseMaxMicros { get; init; } = 400_000;

    /// <summary>The SPI flash's program page: one program operation covers at most this many bytes.</summary>
    public int FlashPageBytes { get; init; } = 256;

    /// <summary>Reading 1 KiB of flash through esp_partition_read (SPI at 40–80 MHz plus driver overhead; estimate).</summary>
    public int FlashReadMicrosPerKiB { get; init; } = 100;

    /// <summary>LittleFS block size on nanoFramework's ESP32 partition: one flash sector (esp_littlefs CONFIG_LITTLEFS_BLOCK_SIZE 4096).</summary>
    public int FileSystemBlockBytes { get; init; } = 4096;

    /// <summary>LittleFS program unit: every metadata commit is padded to it (esp_littlefs CONFIG_LITTLEFS_WRITE_SIZE default 128).</summary>
    public int FileSystemProgramBytes { get; init; } = 128;

    /// <summary>
    /// Largest file LittleFS keeps inline in its directory's metadata log instead of in data
    /// blocks: min(cache size, block size / 8, 0x3FE) = 512 with esp_littlefs's default
    /// CONFIG_LITTLEFS_CACHE_SIZE 512 (littlefs lfs.c, lfs_file_flushedwrite).
    /// </summary>
    public int FileSystemInlineMaxBytes { get; init; } = 512;

    /// <summary>Tags, CRC and name a metadata commit adds to the data it carries (littlefs SPEC.md: 4-byte tags, CRC tag; estimate for one file entry).</summary>
    public int FileSystemCommitOverheadBytes { get; init; } = 40;

    /// <summary>Metadata compactions of one pair before LittleFS moves it to other blocks (esp_littlefs CONFIG_LITTLEFS_BLOCK_CYCLES 512).</summary>
    public int FileSystemBlockCycles { get; init; } = 512;

    /// <summary>
    /// The LittleFS partition: the "config" partition of nanoFramework's 8 MB ESP32-S3 table,
    /// 2 MiB (nf-interpreter targets/ESP32/_IDF/esp32s3/partitions_nanoclr_8mb.csv). Some
    /// 4 MB tables give it far less (24 KiB in one ESP32-C3 variant): check the image's table.
    /// </summary>
    public int FileSystemPartitionBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Opening (or looking up) a file from managed code: interop, path handling, LittleFS's directory lookup (estimate).</summary>
    public int FileOpenMicros { get; init; } = 500;

    /// <summary>Handing one notification to NimBLE from managed code (interop + mbuf copy; estimated).</summary>
    public int NotifyMicros { get; init; } = 300;

    /// <summary>
    /// Restarting the BLE stack, during which the lock cannot be found: how nanoFramework 1.1.123
    /// renews advertising or drops a phone (GattServiceProvider.StopAdvertising stops NimBLE;
    /// StartAdvertising re-inits it and waits for host sync, nf-interpreter WaitForBleStackStart,
    /// bounded at 10 s). Controller and host init plus rebuilding the GATT table: estimated 1 s.
    /// </summary>
    public int BleStackRestartMs { get; init; } = 1_000;

    // ---- The BLE link to a phone ----

    /// <summary>How the radio link paces messages between a connected phone and the lock (<see cref="BleLinkBudget"/>).</summary>
    public BleLinkBudget Link { get; private set; } = new();

    /// <summary>The same board reached over a link with other timing (another phone, another connection interval).</summary>
    public BoardBudget WithLink(BleLinkBudget link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var copy = (BoardBudget)MemberwiseClone();
        copy.Link = link;
        return copy;
    }

    // ---- A port unit's strike (the relay's load, fed from the building's 12 V supply) ----

    /// <summary>
    /// Coil current of a 12 V DC fail-secure electric strike while released: the HES 9600 draws
    /// 0.45 A at 12 V and 0.25 A at 24 V (LaForce, "12V or 24V power source in electrified
    /// hardware"). Drawn from the building's supply, not the unit's backup pack.
    /// </summary>
    public int StrikeCoilMilliamps { get; init; } = 450;

    /// <summary>From coil power to a keeper the latch can push aside (solenoid pull-in; estimate for a strike of this class).</summary>
    public int StrikePullInMs { get; init; } = 20;

    /// <summary>From coil off to the keeper back in place by its spring (estimate; a closing door's latch rides over the ramp in any case).</summary>
    public int StrikeSpringReturnMs { get; init; } = 50;

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

/// <summary>
/// The timing of a BLE connection between a phone and the lock. The phone (the central) sets
/// the connection interval; the radios talk only at connection events, one interval apart, and
/// the link carries at most <see cref="PacketsPerEvent"/> link-layer packets each way per event.
/// </summary>
public sealed record BleLinkBudget
{
    /// <summary>
    /// Connection interval the phone grants (ms); the central decides it. Apple's Accessory Design
    /// Guidelines (R21, §49.6 "Connection Parameters") accept an accessory's request only for an
    /// Interval Min of at least 15 ms, in multiples of 15 ms, and iOS otherwise picks its own
    /// (commonly 30 ms). Android's BluetoothGatt.requestConnectionPriority asks for 30–50 ms
    /// (CONNECTION_PRIORITY_BALANCED, the default) or 11.25–15 ms (HIGH). 30 ms is the default here.
    /// </summary>
    public int ConnectionIntervalMs { get; init; } = 30;

    /// <summary>
    /// Link-layer packets per connection event and direction. Phones often end an event after
    /// one packet each way while the radio is shared with Wi-Fi or other links; several per
    /// event is possible but not promised, so the model assumes one (the unlucky, usual case).
    /// </summary>
    public int PacketsPerEvent { get; init; } = 1;

    /// <summary>
    /// Largest link-layer payload (bytes). 251 with LE Data Length Extension (Core Specification
    /// 4.2+, which NimBLE on the ESP32-S3/C3 and phones since about 2016 negotiate); 27 without,
    /// when an ATT PDU longer than 27 bytes with its 4-byte L2CAP header takes several packets.
    /// </summary>
    public int LinkLayerPayloadBytes { get; init; } = 251;

    /// <summary>L2CAP basic header (length and channel id) in front of every ATT PDU (Core Specification Vol 3 Part A §3.1).</summary>
    public const int L2capHeaderBytes = 4;

    /// <summary>ATT header of a Write Command or Handle Value Notification: opcode and handle (Vol 3 Part F §3.4.5.3, §3.4.7.1).</summary>
    public const int AttHeaderBytes = 3;

    /// <summary>Link-layer packets one ATT write or notification of <paramref name="valueBytes"/> takes.</summary>
    public int PacketsFor(int valueBytes)
    {
        int pdu = valueBytes + AttHeaderBytes + L2capHeaderBytes;
        return (pdu + LinkLayerPayloadBytes - 1) / LinkLayerPayloadBytes;
    }
}
