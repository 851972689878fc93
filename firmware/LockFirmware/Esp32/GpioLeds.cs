using System.Device.Gpio;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>Green and red LEDs, each on a GPIO driving its LED through a resistor (active high).</summary>
    public sealed class GpioLeds : ILeds
    {
        private readonly GpioPin _green;
        private readonly GpioPin _red;

        public GpioLeds(GpioController gpio, int greenPin, int redPin)
        {
            _green = gpio.OpenPin(greenPin, PinMode.Output);
            _red = gpio.OpenPin(redPin, PinMode.Output);
        }

        public void Set(Led led, bool on)
        {
            (led == Led.Green ? _green : _red).Write(on ? PinValue.High : PinValue.Low);
        }
    }
}
