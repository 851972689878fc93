using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using LockFirmware.Device.Boards;
using LockFirmware.Device.Esp32;
using LockFirmware.Events;
using LockFirmware.Protocol;
using LockFirmware.Storage;

namespace LockFirmware.Device
{
    /// <summary>Wires the selected board's adapters to the lock logic and runs the dispatcher.</summary>
    public static class Program
    {
        /// <summary>Inputs that may wait for the lock logic (button edges, BLE writes); more are dropped and counted.</summary>
        private const int InputQueueCapacity = 8;

        /// <summary>The lock's flash region on the internal file system (drive I:).</summary>
        private const string FlashFile = "I:\\lock.flash";

        public static void Main()
        {
            Board board = BoardCatalog.Selected();
            Console.WriteLine("lock: board " + board.Name);

            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            Dispatcher dispatcher = new Dispatcher();
            TickClock clock = new TickClock();

            LockPorts ports = new LockPorts();
            if (board.MotorPwm)
            {
                PwmMotorBridge bridge = new PwmMotorBridge(board.MotorIn1Pin, board.MotorIn2Pin);
                ports.Motor = bridge;
                ports.MotorSpeed = bridge;
            }
            else
            {
                ports.Motor = new GpioMotorBridge(gpio, board.MotorIn1Pin, board.MotorIn2Pin);
            }

            // Where the board can switch its front end off, it is on only while used (hardware/power-budget.md).
            FrontEndPower frontEnd = board.FrontEndEnablePin >= 0 ? new FrontEndPower(gpio, board.FrontEndEnablePin) : null;
            if (frontEnd != null)
            {
                ports.Motor = new GatedMotorBridge(ports.Motor, frontEnd);
            }

            ports.Analog = new AdcAnalogInputs(adc, board.BatteryAdcChannel, board.BatteryDividerRatio,
                board.MotorCurrentAdcChannel, board.MotorCurrentMillivoltsPerAmp, board.AdcFullScaleMillivolts, frontEnd);
            ports.Leds = new GpioLeds(gpio, board.GreenLedPin, board.RedLedPin);
            ports.BatteryLoad = new GpioBatteryLoad(gpio, board.TestLoadPin);
            ports.Clock = clock;
            // Until pairing exists (BLE protocol issue) the secret is the bench unit's, from DevelopmentSecret.
            ports.Macs = new NativeMacFactory();
            ports.Flash = new FileFlash(FlashFile, StorageLayout.RegionSectors);

            InputQueue inputs = new InputQueue(InputQueueCapacity);
            GattLockService gatt = new GattLockService(inputs, dispatcher);
            ports.Ble = gatt;
            LockCore core = new LockCore(ports, board.Settings, inputs);
            new ButtonInput(gpio, board.ButtonPin, inputs, dispatcher);
            dispatcher.Attach(core, clock, gatt);
            core.Start();
            if (!gatt.Start("Lock " + board.Settings.Serial, InfoBytes(board), core.StatusFlags))
            {
                Console.WriteLine("lock: BLE service could not start");
            }

            if (frontEnd != null)
            {
                new FrontEndWhileConnected(frontEnd);
            }

            Console.WriteLine("lock: ready");

            Thread loop = new Thread(dispatcher.Run);
            loop.Start();
            Thread.Sleep(Timeout.Infinite);
        }

        /// <summary>The info characteristic: serial(8 ASCII) hw rev, fw major, fw minor, protocol version.</summary>
        private static byte[] InfoBytes(Board board)
        {
            byte[] info = new byte[12];
            string serial = board.Settings.Serial;
            for (int i = 0; i < 8; i++)
            {
                info[i] = i < serial.Length ? (byte)serial[i] : (byte)' ';
            }

            info[8] = ProtocolInfo.HardwareRevision;
            info[9] = ProtocolInfo.FirmwareMajor;
            info[10] = ProtocolInfo.FirmwareMinor;
            info[11] = ProtocolInfo.ProtocolVersion;
            return info;
        }
    }
}
