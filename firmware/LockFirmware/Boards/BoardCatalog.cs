using LockFirmware.Battery;
using LockFirmware.Motor;

namespace LockFirmware.Device.Boards
{
    /// <summary>
    /// The boards this firmware knows (hardware/boards/ documents each). <see cref="Selected"/>
    /// is the one place that picks the board an image is built for.
    /// </summary>
    public static class BoardCatalog
    {
        /// <summary>
        /// Build-time board choice: LOCK_BOARD_PRODUCTION for the production board (on our
        /// low-power image, hardware/lowpower-image/), LOCK_BOARD_C3 for the ESP32-C3 bench
        /// board, else the ESP32-S3 bench board (both on nanoFramework's stock image).
        /// Build-time unit choice: LOCK_UNIT_PORT or LOCK_UNIT_LAUNDRY for a strike unit on the
        /// same board; neither for the door unit.
        /// </summary>
        public static Board Selected()
        {
#if LOCK_BOARD_PRODUCTION
            Board board = ProductionC3();
#elif LOCK_BOARD_C3
            Board board = Esp32C3();
#else
            Board board = Esp32S3();
#endif
#if LOCK_UNIT_PORT
            AsStrikeUnit(board, UnitKind.Port);
#elif LOCK_UNIT_LAUNDRY
            AsStrikeUnit(board, UnitKind.Laundry);
#endif
            return board;
        }

        /// <summary>
        /// The same board as a port or laundry-room unit: the motor bridge is not fitted and its
        /// IN1 pin drives the strike relay instead (S3 GPIO4, C3 GPIO6: neither a strapping nor a
        /// USB pin, no pulse at boot), its IN2 pin senses the building's supply; the door contact
        /// is required, on the door sensor's pin.
        /// </summary>
        public static void AsStrikeUnit(Board board, UnitKind kind)
        {
            board.StrikeRelayPin = board.MotorIn1Pin;
            // The bridge's IN2 (S3 GPIO5, C3 GPIO7) senses the building's supply: an input, so nothing it does at boot matters.
            board.MainsSensePin = board.MotorIn2Pin;
            board.MotorIn1Pin = -1;
            board.MotorIn2Pin = -1;
            board.Settings.UseUnit(kind);
        }

        /// <summary>The production board, ESP32-C3 with a 32.768 kHz crystal (hardware/boards/production-board.md).</summary>
        public static Board ProductionC3()
        {
            Board board = new Board();
            board.Name = "production-c3";
            board.MotorIn1Pin = 6;
            board.MotorIn2Pin = 7;
            board.BatteryAdcChannel = 3;      // GPIO3 (GPIO0/1 carry the 32.768 kHz crystal)
            board.MotorCurrentAdcChannel = 4; // GPIO4
            board.ButtonPin = 5;
            board.GreenLedPin = 10;
            board.RedLedPin = 19;  // USB D+ at reset (its pull-up may light it briefly); no USB in production
            board.TestLoadPin = 18;
            board.FrontEndEnablePin = 2;
            // GPIO8 is a C3 strapping pin, but the normal (SPI) boot ignores it: only download
            // mode with BOOT held reads it (ESP32-C3 datasheet, "Strapping Pins"), so a closed
            // door at reset does not change how the unit boots.
            board.DoorSensorPin = 8;
            Fill(board);
            board.Settings.Battery.IdleMicroamps = IdleCurrent.LowPowerC3Microamps;
            return board;
        }

        /// <summary>ESP32-S3-DevKitC-1 (hardware/boards/esp32-s3-devkitc.md).</summary>
        public static Board Esp32S3()
        {
            Board board = new Board();
            board.Name = "esp32-s3-devkitc";
            board.MotorIn1Pin = 4;
            board.MotorIn2Pin = 5;
            board.MotorCurrentAdcChannel = 0; // GPIO1
            board.BatteryAdcChannel = 1;      // GPIO2
            board.ButtonPin = 10;
            board.GreenLedPin = 11;
            board.RedLedPin = 12;
            board.TestLoadPin = 13;
            board.DoorSensorPin = 14;         // S3 strapping pins are GPIO0, 3, 45, 46
            // ESP-IDF v4.4 ADC guide (ESP32-S3), "ADC Attenuation": 12 dB measures 0–3100 mV.
            board.AdcFullScaleMillivolts = 3100;
            Fill(board);
            board.Settings.Battery.IdleMicroamps = IdleCurrent.StockS3Microamps;
            return board;
        }

        /// <summary>ESP32-C3-DevKitM-1 (hardware/boards/esp32-c3-devkitm.md).</summary>
        public static Board Esp32C3()
        {
            Board board = new Board();
            board.Name = "esp32-c3-devkitm";
            board.MotorIn1Pin = 6;
            board.MotorIn2Pin = 7;
            board.MotorCurrentAdcChannel = 0; // GPIO0
            board.BatteryAdcChannel = 1;      // GPIO1
            board.ButtonPin = 5;
            board.GreenLedPin = 10;
            board.RedLedPin = 3;
            board.TestLoadPin = 4;
            // C3 strapping pins are GPIO2, 8, 9 (GPIO2 must be high at reset); GPIO18 (USB D-) is
            // free on the DevKitM-1, whose USB socket goes through its USB-UART bridge to GPIO20/21.
            board.DoorSensorPin = 18;
            // ESP-IDF v4.4 ADC guide (ESP32-C3), "ADC Attenuation": 12 dB (formerly "11 dB") measures 0–2500 mV.
            board.AdcFullScaleMillivolts = 2500;
            Fill(board);
            board.Settings.Battery.IdleMicroamps = IdleCurrent.StockC3Microamps;
            return board;
        }

        /// <summary>What both boards share: the same analog front end, motor unit and battery pack.</summary>
        private static void Fill(Board board)
        {
            board.MotorPwm = true;                     // LEDC PWM on any output pin of both modules
            board.BatteryDividerRatio = 4;             // 300 kΩ over 100 kΩ
            board.MotorCurrentMillivoltsPerAmp = 1000; // 0.2 Ω shunt, gain 5 amplifier
            board.Settings = new LockSettings();
            board.Settings.Motor = new MotorSettings();
            board.Settings.Battery = new BatteryProfile();
        }
    }
}
