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
    /// <summary>nanoFramework's stock BLE image on the bench boards: no power management configured, the CPU never sleeps, NimBLE's default advertising, the front end always powered.</summary>
    Stock,

    /// <summary>Our image on the production board (hardware/boards/production-board.md): automatic light sleep with BLE kept, 32.768 kHz crystal, ~1 s advertising, front end powered only while used.</summary>
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
    /// FreeRTOS tick: every managed wait and native timer ends on a tick, and an idle interpreter
    /// sees a native event (a BLE write, a GPIO edge) only on the next one: on the ESP32
    /// Events_WaitForEvents polls its flags between vTaskDelay(1) calls (nf-interpreter
    /// targets/ESP32/_nanoCLR/targetPAL_Events.cpp). nf-interpreter
    /// targets/ESP32/_IDF/sdkconfig.default sets CONFIG_FREERTOS_HZ=100; the BLE S3 defconfig
    /// (sdkconfig.default_ble.esp32s3) does not override it, so ESP-IDF's default 100 Hz holds.
    /// The GPIO debounce timer uses the same tick (targets/ESP32/_nanoCLR/System.Device.Gpio/
    /// cpu_gpio.cpp: debounce ms / portTICK_PERIOD_MS, at least one tick).
    /// </summary>
    public int TickMs { get; init; } = 10;

    /// <summary>
    /// The CLR's managed thread quantum: a ready managed thread may wait this long while
    /// another keeps running (nf-interpreter src/CLR/Include/nanoCLR_Runtime.h,
    /// CLR_RT_Thread::c_TimeQuantum_Milliseconds = 20; CLR_RT_Thread::Execute runs a thread
    /// until it blocks or the quantum's timer fires). It does not delay a thread woken while the
    /// others wait: ScheduleThreads runs the next ready thread as soon as the current one
    /// blocks (src/CLR/Core/Execution.cpp). So it is charged only where another thread may be
    /// busy: the output guard's callback, which fires when the dispatcher is hung.
    /// </summary>
    public int ThreadQuantumMs { get; init; } = 20;

    /// <summary>
    /// Interpreting one dispatcher round apart from the inputs it takes: a motor step's two ADC
    /// reads and its arithmetic, the timers, the check-in (estimate: nanoFramework interprets on
    /// the order of a million IL instructions a second at 240 MHz; a round is a few hundred,
    /// plus two native ADC calls). A command's own work is priced per stage in UnlockPathCost.
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

    // ---- Currents and charges (hardware/power-budget.md has the sources and the arithmetic) ----
    // Chip figures are at the 3.3 V rail; PackMicroamps converts them to what the pack delivers.

    /// <summary>CPU awake and idle with the radio enabled, no power management (ESP-IDF current figures: S3 ≈ 38 mA, C3 ≈ 20 mA at 160 MHz). Rail.</summary>
    public int AwakeIdleMicroamps { get; init; }

    /// <summary>Floor between radio events: stock image = awake idle; low-power image = automatic light sleep with BLE kept (ESP-IDF NimBLE power_save example with a 32.768 kHz crystal: S3 ≈ 230 µA, C3 ≈ 140 µA). Rail.</summary>
    public int IdleFloorMicroamps { get; init; }

    /// <summary>CPU running with the radio off between its events (ESP-IDF NimBLE power_save example, "modem sleep": C3 12 mA, S3 17.9 mA). Rail.</summary>
    public int ModemSleepMicroamps => Chip == Chip.Esp32C3 ? 12_000 : 17_900;

    /// <summary>What the CPU draws while it works (a message, a motor move, the self-test): modem sleep on our image, awake idle on the stock one. Rail.</summary>
    public int WorkingMicroamps => Profile == ImageProfile.LowPower ? ModemSleepMicroamps : AwakeIdleMicroamps;

    /// <summary>
    /// Radio transmitting or receiving BLE at 0 dBm (estimate: Espressif's datasheets give only
    /// Wi-Fi figures; their 802.11 receive current, C3 84 mA and S3 88 mA, is taken for both
    /// directions since BLE transmits far below Wi-Fi power). To be measured. Rail.
    /// </summary>
    public int RadioMicroamps => Chip == Chip.Esp32C3 ? 85_000 : 90_000;

    /// <summary>Radio time of one connectable advertising event: 3 channels × (≈ 0.4 ms ADV_IND with ramp-up + ≈ 0.2 ms listening for a request). Bluetooth Core timing; estimate.</summary>
    public int AdvertisingRadioMicros { get; init; } = 1_800;

    /// <summary>Time the CPU runs around each radio event to leave and re-enter light sleep (ESP32-C3 book: light-sleep wake-up latency under 1 ms). Low-power image only.</summary>
    public int SleepWakeMicros { get; init; } = 1_000;

    /// <summary>Advertising interval: NimBLE's default 30–60 ms (mean 45) on the stock image, which the managed API cannot change; ≈ 1 s on ours (interop, hardware/lowpower-image/).</summary>
    public int AdvertisingIntervalMs { get; init; }

    /// <summary>Connection interval the phone picks: 30 ms (iOS and Android default 30 ms class; 15 ms at best).</summary>
    public int ConnectionIntervalMs { get; init; } = 30;

    /// <summary>Radio time of one connection event with empty packets both ways (≈ 0.5 ms including ramp-up); estimate.</summary>
    public int ConnectionRadioMicros { get; init; } = 500;

    /// <summary>
    /// Connection time a real exchange takes beyond what the virtual link shows, which hands
    /// over writes and notifications at once: the phone's service discovery, notification
    /// subscription and MTU exchange, and each write and its answer, take at least one 30 ms
    /// connection event each, a few dozen per connection (estimate: 1 s; to be measured with a
    /// BLE sniffer beside the power analyser).
    /// </summary>
    public int ConnectionOverheadMs { get; init; } = 1_000;

    /// <summary>CPU time per BLE write on the device: the adapter's hand-over, the interpreter's handling, a message's HMACs and LittleFS commit, averaged over the fragments of an exchange (estimate; benchmarks/README.md, "Interpreted cost").</summary>
    public int WorkPerWriteMs { get; init; } = 10;

    /// <summary>One indicator LED on: (3.3 V − ≈ 2.0 V) over 330 Ω (hardware/boards/). Rail.</summary>
    public int LedMicroamps { get; init; } = 4_000;

    /// <summary>Charge of one advertising event above the floor, µC: radio time at the radio current over the floor, plus the wake-up around it on our image.</summary>
    public double AdvertisingEventMicrocoulombs => EventMicrocoulombs(AdvertisingRadioMicros);

    /// <summary>Charge of one connection event above the floor, µC.</summary>
    public double ConnectionEventMicrocoulombs => EventMicrocoulombs(ConnectionRadioMicros);

    /// <summary>Average rail current of advertising (not connected), above the floor.</summary>
    public double AdvertisingMicroamps => AdvertisingEventMicrocoulombs * 1000 / AdvertisingIntervalMs;

    /// <summary>Average rail current of a held connection, above the floor.</summary>
    public double ConnectedMicroamps => ConnectionEventMicrocoulombs * 1000 / ConnectionIntervalMs;

    // ---- The board around the chip (pack side) ----

    /// <summary>Nominal pack voltage the regulator converts from: the Li-SOCl2 plateau, 2 × 3.6 V (hardware/batteries/li-socl2-2s.md).</summary>
    public int PackMillivolts { get; init; } = 7_200;

    /// <summary>The chip's supply rail.</summary>
    public int RailMillivolts { get; init; } = 3_300;

    /// <summary>Buck efficiency at the board's load: production TPS62177 ≈ 80 % at a few hundred µA in its sleep mode; bench TPS62160 ≈ 85 % at tens of mA (TI datasheets' efficiency curves). Permille.</summary>
    public int RegulatorEfficiencyPermille => Profile == ImageProfile.LowPower ? 800 : 850;

    /// <summary>Regulator quiescent current: TPS62177 4.8 µA (production); TPS62160 17 µA (bench). TI datasheets. Pack.</summary>
    public double RegulatorQuiescentMicroamps => Profile == ImageProfile.LowPower ? 4.8 : 17;

    /// <summary>DRV8833 between moves: asleep (nSLEEP low) 1.6 µA on the production board; awake 1.7 mA on the bench boards, whose nSLEEP is not switched (TI DRV8833 datasheet, IVMQ and IVM). Pack.</summary>
    public double BridgeIdleMicroamps => Profile == ImageProfile.LowPower ? 1.6 : 1_700;

    /// <summary>DRV8833 awake while the motor is driven (1.7 mA, IVM). Pack.</summary>
    public double BridgeAwakeMicroamps { get; init; } = 1_700;

    /// <summary>The 300 k + 100 k battery divider across the pack: 18 µA always on the bench; switched off between samples on the production board. Pack.</summary>
    public double DividerIdleMicroamps => Profile == ImageProfile.LowPower ? 0 : 18;

    /// <summary>The divider while powered (7.2 V over 400 kΩ). Pack.</summary>
    public double DividerMicroamps { get; init; } = 18;

    /// <summary>The production board keeps its front end (bridge, amplifier, divider) on while a phone is connected, so a command's rest sample needs no settling (firmware Esp32/FrontEndWhileConnected.cs).</summary>
    public bool FrontEndOnWhileConnected => Profile == ImageProfile.LowPower;

    /// <summary>Shunt amplifier (MCP6001, 100 µA typ., Microchip datasheet): always on the bench, powered only while the motor runs or a phone is connected on the production board. Rail.</summary>
    public double AmplifierIdleMicroamps => Profile == ImageProfile.LowPower ? 0 : 100;

    /// <summary>Shunt amplifier while the motor runs. Rail.</summary>
    public double AmplifierMicroamps { get; init; } = 100;

    /// <summary>What the pack delivers for <paramref name="railMicroamps"/> at the rail, through the buck converter.</summary>
    public double PackMicroamps(double railMicroamps) =>
        railMicroamps * RailMillivolts / (PackMillivolts * (RegulatorEfficiencyPermille / 1000.0));

    /// <summary>What the board draws from the pack whatever the chip does: regulator, bridge, divider, amplifier.</summary>
    public double BoardStaticMicroamps =>
        RegulatorQuiescentMicroamps + BridgeIdleMicroamps + DividerIdleMicroamps + PackMicroamps(AmplifierIdleMicroamps);

    /// <summary>Pack current of the unit at rest, not connected: floor, advertising and the board. The firmware's own idle figure (BatteryProfile.IdleMicroamps, set from the board definition) must equal this.</summary>
    public double RestPackMicroamps => PackMicroamps(IdleFloorMicroamps + AdvertisingMicroamps) + BoardStaticMicroamps;

    // ---- Interpreter cost table: device time of managed code (benchmarks/README.md, "Interpreted cost") ----
    // Estimates at 160 MHz (both chips on our image; the stock S3 runs at 240 MHz), from the
    // design of nanoCLR's interpreter (nf-interpreter src/CLR/Core/Interpreter.cpp: one opcode
    // at a time through a dispatch switch, every evaluation-stack slot a typed heap block). To
    // be replaced by a board measurement (a GPIO toggled around the path, on a logic analyser).

    /// <summary>One simple IL instruction (load, store, arithmetic, branch, array element): ≈ 100 cycles.</summary>
    public double IlInstructionMicros { get; init; } = 0.6;

    /// <summary>One managed call and return: a stack frame pushed and popped, arguments copied.</summary>
    public double ManagedCallMicros { get; init; } = 4;

    /// <summary>One call into native code (GPIO write, ADC read, PWM duty, wait handle), the work itself excluded.</summary>
    public double InternalCallMicros { get; init; } = 5;

    /// <summary>One small managed allocation (an array or object of tens of bytes) from the heap, its later collection included.</summary>
    public double AllocationMicros { get; init; } = 10;

    /// <summary>A BLE write from NimBLE's callback to the managed WriteRequested handler: event queued to the CLR, thread switch, event arguments, the copy and the answer (charged before the dispatcher's round in device timing).</summary>
    public double BleWriteDispatchMicros { get; init; } = 400;

    private double EventMicrocoulombs(int radioMicros)
    {
        // On the stock image the CPU is awake anyway: an event costs only the radio above it.
        // On ours the chip also leaves light sleep for it and runs in modem sleep around it.
        double radio = radioMicros * (RadioMicroamps - IdleFloorMicroamps) / 1e6;
        double wake = Profile == ImageProfile.LowPower ? SleepWakeMicros * (ModemSleepMicroamps - IdleFloorMicroamps) / 1e6 : 0;
        return radio + wake;
    }

    /// <summary>The chip for the given image profile, with the figures above.</summary>
    /// <param name="advertisingIntervalMs">Our image's advertising interval when not the default 1 s (the stock image's cannot change).</param>
    public static BoardBudget For(Chip chip, ImageProfile profile, int? advertisingIntervalMs = null)
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
            AdvertisingIntervalMs = profile == ImageProfile.Stock ? 45 : advertisingIntervalMs ?? 1000,
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
