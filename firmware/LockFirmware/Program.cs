using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using LockFirmware.Device.Boards;
using LockFirmware.Device.Esp32;
using LockFirmware.Events;
using LockFirmware.Protocol;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Device
{
    /// <summary>Wires the selected board's adapters to the lock logic and runs the dispatcher.</summary>
    public static class Program
    {
        /// <summary>Inputs that may wait for the lock logic (button edges, BLE writes); more are dropped and counted.</summary>
        private const int InputQueueCapacity = 8;

        /// <summary>Where the lock's files live: the internal LittleFS volume (drive I:).</summary>
        private const string FilesRoot = "I:\\";

        /// <summary>
        /// Starts the unit. A failure while starting is contained like one in a dispatcher
        /// round: outputs off (whatever adapters exist), a message, a clean restart.
        /// </summary>
        public static void Main()
        {
            LockPorts ports = new LockPorts();
            try
            {
                Start(ports);
            }
            catch (Exception)
            {
                Dispatcher.StopOutputs(ports.Motor, ports.BatteryLoad);
                Console.WriteLine("lock: start failed, restarting");
                // A short pause so a start that always fails cannot restart back to back.
                Thread.Sleep(2000);
                Power.RebootDevice();
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static void Start(LockPorts ports)
        {
            Board board = BoardCatalog.Selected();
            Console.WriteLine("lock: board " + board.Name);

            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            Dispatcher dispatcher = new Dispatcher();
            TickClock clock = new TickClock();

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

            ports.Analog = new AdcAnalogInputs(adc, board.BatteryAdcChannel, board.BatteryDividerRatio,
                board.MotorCurrentAdcChannel, board.MotorCurrentMillivoltsPerAmp, board.AdcFullScaleMillivolts);
            ports.Leds = new GpioLeds(gpio, board.GreenLedPin, board.RedLedPin);
            ports.BatteryLoad = new GpioBatteryLoad(gpio, board.TestLoadPin);
            ports.Guard = new TimerOutputGuard(ports.Motor, ports.BatteryLoad);
            ports.Clock = clock;
            // Until pairing exists (BLE protocol issue) the secret is the bench unit's, from DevelopmentSecret.
            ports.Macs = new NativeMacFactory();
            ports.Aes = new NativeAesCbc();
            ports.Files = new FlashFiles(FilesRoot);

            InputQueue inputs = new InputQueue(InputQueueCapacity);
            GattLockService gatt = new GattLockService(inputs, dispatcher);
            ports.Ble = gatt;
            LockCore core = new LockCore(ports, board.Settings, inputs);
            new ButtonInput(gpio, board.ButtonPin, inputs, dispatcher);
            dispatcher.Attach(core, clock, gatt, ports.Motor, ports.BatteryLoad);
            core.Start();
            if (!gatt.Start("Lock " + board.Settings.Serial, InfoBytes(board), core.StatusFlags))
            {
                Console.WriteLine("lock: BLE service could not start");
            }

            Console.WriteLine("lock: ready");

            Thread loop = new Thread(dispatcher.Run);
            loop.Start();
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
