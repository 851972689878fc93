using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using LockFirmware.Device.Boards;
using LockFirmware.Device.Esp32;
using LockFirmware.Events;
using LockFirmware.Ports;
using LockFirmware.Protocol;
using LockFirmware.Security;
using LockFirmware.Storage;
using nanoFramework.Runtime.Native;

namespace LockFirmware.Device
{
    /// <summary>Wires the selected board's adapters to the lock logic and runs the dispatcher.</summary>
    public static class Program
    {
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
                Dispatcher.StopOutputs(ports.Motor, ports.BatteryLoad, ports.Strike);
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
            Console.WriteLine("lock: board " + board.Name + ", " + UnitName(board.Settings.Kind) + " unit");

            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            Dispatcher dispatcher = new Dispatcher();
            TickClock clock = new TickClock();

            if (board.Settings.Kind != UnitKind.Door)
            {
                // First of all outputs: the strike's gate is driven low before anything else runs.
                ports.Strike = new GpioStrikeRelay(gpio, board.StrikeRelayPin);
            }
            else if (board.MotorPwm)
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

            ports.Files = new FlashFiles(FilesRoot);
            ports.Analog = new AdcAnalogInputs(adc, board.BatteryAdcChannel, board.BatteryDividerRatio,
                board.MotorCurrentAdcChannel, board.MotorCurrentMillivoltsPerAmp, board.AdcFullScaleMillivolts,
                AdcCalibration(ports.Files), frontEnd);
            ports.Leds = new GpioLeds(gpio, board.GreenLedPin, board.RedLedPin);
            ports.BatteryLoad = new GpioBatteryLoad(gpio, board.TestLoadPin);
            ports.Guard = new TimerOutputGuard(ports.Motor, ports.BatteryLoad, ports.Strike);
            ports.Clock = clock;
            ports.Macs = new NativeMacFactory();
            ports.Aes = new NativeAesCbc();

            InputQueue inputs = new InputQueue(InputQueue.BoardCapacity);
            GattLockService gatt = new GattLockService(inputs, dispatcher);
            ports.Ble = gatt;
            LockCore core = new LockCore(ports, board.Settings, inputs);
            new ContactInput(gpio, board.ButtonPin, InputKind.ButtonDown, InputKind.ButtonUp, false, inputs, dispatcher);
            if (board.DoorSensorPin >= 0)
            {
                // The reed switch is closed while the door is shut.
                new ContactInput(gpio, board.DoorSensorPin, InputKind.DoorClosed, InputKind.DoorOpened, true, inputs, dispatcher);
            }

            if (board.MainsSensePin >= 0 && board.Settings.MainsFed)
            {
                // The optocoupler conducts (pin low) while the building's supply is there; its state is posted at start-up too.
                new ContactInput(gpio, board.MainsSensePin, InputKind.MainsPresent, InputKind.MainsLost, true, inputs, dispatcher);
            }

            dispatcher.Attach(core, clock, gatt, ports.Motor, ports.BatteryLoad, ports.Strike);
            core.Start();
            string serial = UnitSerial(core, board);
            if (!gatt.Start("Lock " + serial, InfoBytes(serial), core.StatusFlags))
            {
                Console.WriteLine("lock: BLE service could not start (" + gatt.AdvertisingStatus.ToString() + ")");
            }

            if (frontEnd != null)
            {
                new FrontEndWhileConnected(frontEnd, dispatcher);
            }

            Console.WriteLine("lock: ready");

            Thread loop = new Thread(dispatcher.Run);
            loop.Start();
        }

        /// <summary>
        /// This unit's ADC calibration factor, measured and written at production with its
        /// identity (PROVISION); 1.0 on a unit not yet provisioned. Read before the lock logic
        /// starts, because its first battery reading at boot must already be calibrated.
        /// </summary>
        private static double AdcCalibration(IFileSystem files)
        {
            UnitIdentity identity = new UnitIdentity();
            if (!new LockMemory(files).LoadIdentity(identity))
            {
                return 1.0;
            }

            return identity.AdcCalibration / (double)UnitIdentity.UnitCalibration;
        }

        private static string UnitName(UnitKind kind)
        {
            return kind == UnitKind.Port ? "port" : (kind == UnitKind.Laundry ? "laundry-room" : "door");
        }

        /// <summary>The serial the unit shows: the one written at production, or the board's placeholder until then.</summary>
        private static string UnitSerial(LockCore core, Board board)
        {
            UnitIdentity identity = core.Protocol.Identity;
            if (!identity.Provisioned)
            {
                return board.Settings.Serial;
            }

            char[] chars = new char[UnitIdentity.SerialLength];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)identity.Serial[i];
            }

            return new string(chars).Trim();
        }

        /// <summary>The info characteristic: serial(8 ASCII) hw rev, fw major, fw minor, protocol version.</summary>
        private static byte[] InfoBytes(string serial)
        {
            byte[] info = new byte[12];
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
