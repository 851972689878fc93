using System.Device.Gpio;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>The self-test load: a MOSFET switching a power resistor across the battery.</summary>
    public sealed class GpioBatteryLoad : IBatteryLoad
    {
        private readonly GpioPin _gate;

        public GpioBatteryLoad(GpioController gpio, int gatePin)
        {
            _gate = gpio.OpenPin(gatePin, PinMode.Output);
            Apply(false);
        }

        public void Apply(bool on)
        {
            _gate.Write(on ? PinValue.High : PinValue.Low);
        }
    }
}
