using System.Device.Gpio;
using LockFirmware.Events;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The push button (to ground, internal pull-up). Each edge is queued as it comes; the
    /// lock logic debounces, so the pin's filter here is only a short glitch filter. On the
    /// ESP32 that filter is a FreeRTOS timer counted in 10 ms ticks, at least one
    /// (nf-interpreter targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp), so it is set
    /// to exactly one tick: asking for 5 ms gets a tick anyway.
    /// </summary>
    public sealed class ButtonInput
    {
        /// <summary>One FreeRTOS tick at the ESP32 images' 100 Hz.</summary>
        private const int GlitchFilterMs = 10;

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly GpioPin _pin;

        public ButtonInput(GpioController gpio, int pin, InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _pin.DebounceTimeout = System.TimeSpan.FromMilliseconds(GlitchFilterMs);
            _pin.ValueChanged += OnValueChanged;
        }

        /// <summary>Runs on the GPIO event thread: nothing it does may throw past it unreported.</summary>
        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            try
            {
                _inputs.Post(e.ChangeType == PinEventTypes.Falling ? InputKind.ButtonDown : InputKind.ButtonUp);
                _dispatcher.Wake();
            }
            catch (System.Exception)
            {
                _dispatcher.ReportFault();
            }
        }
    }
}
