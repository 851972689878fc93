using System.Device.Gpio;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// DRV8833 bridge on two GPIOs: IN1/IN2 = 00 coast, 10 one way, 01 the other, 11 brake
    /// (DRV8833 datasheet, H-bridge logic table).
    /// </summary>
    public sealed class GpioMotorBridge : IMotorBridge
    {
        private readonly GpioPin _in1;
        private readonly GpioPin _in2;

        public GpioMotorBridge(GpioController gpio, int in1Pin, int in2Pin)
        {
            _in1 = gpio.OpenPin(in1Pin, PinMode.Output);
            _in2 = gpio.OpenPin(in2Pin, PinMode.Output);
            Drive(MotorDrive.Coast);
        }

        public void Drive(MotorDrive drive)
        {
            // Release the side that turns off first, so the bridge never passes through a
            // drive state the caller did not ask for.
            switch (drive)
            {
                case MotorDrive.Unlock:
                    _in2.Write(PinValue.Low);
                    _in1.Write(PinValue.High);
                    break;
                case MotorDrive.Lock:
                    _in1.Write(PinValue.Low);
                    _in2.Write(PinValue.High);
                    break;
                case MotorDrive.Brake:
                    _in1.Write(PinValue.High);
                    _in2.Write(PinValue.High);
                    break;
                default:
                    _in1.Write(PinValue.Low);
                    _in2.Write(PinValue.Low);
                    break;
            }
        }
    }
}
