using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// DRV8833 bridge driven by PWM on both inputs (DRV8833 datasheet, PWM control: one input
    /// pulsed, the other low = drive/coast): allows the core's soft start. Brake holds both
    /// inputs high (duty 100 %), coast both low (duty 0).
    /// </summary>
    public sealed class PwmMotorBridge : IMotorBridge, IMotorSpeed
    {
        /// <summary>Above hearing, well inside the DRV8833's switching range.</summary>
        private const int FrequencyHz = 20000;

        private readonly PwmChannel _in1;
        private readonly PwmChannel _in2;
        private MotorDrive _drive = MotorDrive.Coast;
        private double _duty = 1.0;

        public PwmMotorBridge(int in1Pin, int in2Pin)
        {
            Configuration.SetPinFunction(in1Pin, DeviceFunction.PWM1);
            Configuration.SetPinFunction(in2Pin, DeviceFunction.PWM2);
            _in1 = PwmChannel.CreateFromPin(in1Pin, FrequencyHz, 0);
            _in2 = PwmChannel.CreateFromPin(in2Pin, FrequencyHz, 0);
            _in1.Start();
            _in2.Start();
        }

        public void Drive(MotorDrive drive)
        {
            _drive = drive;
            Apply();
        }

        public void SetDuty(int permille)
        {
            _duty = permille / 1000.0;
            Apply();
        }

        private void Apply()
        {
            // The side that must be low is set first, so the bridge never shorts through brake
            // on its way from one direction to the other.
            switch (_drive)
            {
                case MotorDrive.Unlock:
                    _in2.DutyCycle = 0;
                    _in1.DutyCycle = _duty;
                    break;
                case MotorDrive.Lock:
                    _in1.DutyCycle = 0;
                    _in2.DutyCycle = _duty;
                    break;
                case MotorDrive.Brake:
                    _in1.DutyCycle = 1.0;
                    _in2.DutyCycle = 1.0;
                    break;
                default:
                    _in1.DutyCycle = 0;
                    _in2.DutyCycle = 0;
                    break;
            }
        }
    }
}
