using System.Device.Gpio;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// A port unit's strike: a GPIO drives the gate of a logic-level N-MOSFET (or a relay
    /// module's input) that switches the building's 12 V to a fail-secure strike. High =
    /// released. The gate has a 100 kΩ pull-down on the board, so while the chip resets and its
    /// pins float the strike stays engaged; the pin is one without boot-time pulses
    /// (hardware/boards/port-unit.md), and it is driven low the moment it is opened.
    /// </summary>
    public sealed class GpioStrikeRelay : IStrike
    {
        private readonly GpioPin _gate;

        public GpioStrikeRelay(GpioController gpio, int gatePin)
        {
            _gate = gpio.OpenPin(gatePin, PinMode.Output);
            Release(false);
        }

        public void Release(bool released)
        {
            _gate.Write(released ? PinValue.High : PinValue.Low);
        }
    }
}
