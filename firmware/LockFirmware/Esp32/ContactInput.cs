using System.Device.Gpio;
using LockFirmware.Events;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// A contact to ground on a pin with the internal pull-up: the push button, the door's
    /// reed switch (closed by the magnet when the door is shut), or a mains-fed unit's supply
    /// sense (an optocoupler's transistor, conducting while the building's supply is there). Each edge is queued as it comes
    /// (a full queue keeps the contact's latest level beside its ring: InputQueue);
    /// the lock logic debounces, so the pin's filter is only a glitch filter. On the ESP32 that
    /// filter is a FreeRTOS timer counted in 10 ms ticks, at least one (nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp), so it is set to exactly one tick.
    /// </summary>
    public sealed class ContactInput
    {
        /// <summary>One FreeRTOS tick at the ESP32 images' 100 Hz.</summary>
        private const int GlitchFilterMs = 10;

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly InputKind _closed;
        private readonly InputKind _opened;
        private readonly GpioPin _pin;

        /// <param name="closed">Queued when the contact closes (the pin falls).</param>
        /// <param name="opened">Queued when the contact opens (the pin rises).</param>
        /// <param name="postInitial">Queue the contact's state at start-up too (the door sensor: the lock must know where the door is).</param>
        public ContactInput(GpioController gpio, int pin, InputKind closed, InputKind opened, bool postInitial, InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
            _closed = closed;
            _opened = opened;
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _pin.DebounceTimeout = System.TimeSpan.FromMilliseconds(GlitchFilterMs);
            _pin.ValueChanged += OnValueChanged;
            if (postInitial)
            {
                Post(_pin.Read() == PinValue.Low);
            }
        }

        /// <summary>Runs on the GPIO event thread: nothing it does may throw past it unreported.</summary>
        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            try
            {
                Post(e.ChangeType == PinEventTypes.Falling);
            }
            catch (System.Exception)
            {
                _dispatcher.ReportFault();
            }
        }

        private void Post(bool closed)
        {
            _inputs.Post(closed ? _closed : _opened);
            _dispatcher.Wake();
        }
    }
}
