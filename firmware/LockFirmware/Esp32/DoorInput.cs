using System.Device.Gpio;
using LockFirmware.Events;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// The optional door sensor: a reed switch to ground with the internal pull-up, closed by the
    /// door's magnet. High = door open, low = door closed. The state at start-up is posted once,
    /// then every edge (the auto-relock waits for a closed door).
    /// </summary>
    public sealed class DoorInput
    {
        /// <summary>Reed contacts bounce for about a millisecond; the lock logic acts on the last edge.</summary>
        private const int GlitchFilterMs = 10;

        private readonly InputQueue _inputs;
        private readonly Dispatcher _dispatcher;
        private readonly GpioPin _pin;

        public DoorInput(GpioController gpio, int pin, InputQueue inputs, Dispatcher dispatcher)
        {
            _inputs = inputs;
            _dispatcher = dispatcher;
            _pin = gpio.OpenPin(pin, PinMode.InputPullUp);
            _pin.DebounceTimeout = System.TimeSpan.FromMilliseconds(GlitchFilterMs);
            _pin.ValueChanged += OnValueChanged;
            Post(_pin.Read() == PinValue.High);
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            Post(e.ChangeType == PinEventTypes.Rising);
        }

        private void Post(bool open)
        {
            _inputs.Post(open ? InputKind.DoorOpened : InputKind.DoorClosed);
            _dispatcher.Wake();
        }
    }
}
