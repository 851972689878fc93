using System.Device.Gpio;
using LockFirmware.Events;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The push button (to ground, internal pull-up). Each edge is queued as it comes; the
    /// lock logic debounces, so the hardware filter here is only a short glitch filter.
    /// </summary>
    public sealed class ButtonInput
    {
        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly GpioPin _pin;

        public ButtonInput(GpioController gpio, int pin, InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _pin.DebounceTimeout = System.TimeSpan.FromMilliseconds(5);
            _pin.ValueChanged += OnValueChanged;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            _inputs.Post(e.ChangeType == PinEventTypes.Falling ? InputKind.ButtonDown : InputKind.ButtonUp);
            _dispatcher.Wake();
        }
    }
}
