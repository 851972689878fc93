using System.Device.Gpio;
using System.Threading;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The production board's switch for the analog front end and the motor bridge
    /// (hardware/boards/production-board.md): on only while a battery sample or a move needs
    /// it, because the divider, the amplifier and an awake DRV8833 together draw about as much
    /// as the sleeping chip. Users nest: the switch goes off when the last one releases it.
    /// </summary>
    public sealed class FrontEndPower
    {
        /// <summary>Divider behind its 10 nF filter (τ 0.75 ms) and the DRV8833's wake-up (tWAKE ≤ 1 ms): settled after 4 ms.</summary>
        private const int SettleMs = 4;

        private readonly GpioPin _enable;
        private readonly object _sync = new object();
        private int _users;

        public FrontEndPower(GpioController gpio, int enablePin)
        {
            _enable = gpio.OpenPin(enablePin, PinMode.Output);
            _enable.Write(PinValue.Low);
        }

        /// <summary>Switches on (and waits for it to settle) unless already on; from the dispatcher or the BLE thread.</summary>
        public void Hold()
        {
            bool switchedOn;
            lock (_sync)
            {
                _users++;
                switchedOn = _users == 1;
                if (switchedOn)
                {
                    _enable.Write(PinValue.High);
                }
            }

            if (switchedOn)
            {
                // At least one tick: while a phone is connected this has happened long before any command.
                Thread.Sleep(SettleMs);
            }
        }

        public void Release()
        {
            lock (_sync)
            {
                if (_users > 0)
                {
                    _users--;
                    if (_users == 0)
                    {
                        _enable.Write(PinValue.Low);
                    }
                }
            }
        }
    }
}
