using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// Keeps the production board's front end on while a phone is connected, so it has settled
    /// long before the command arrives and the motor starts without waiting for it (a
    /// connection lasts seconds; the front end then costs about 1.8 mA: hardware/power-budget.md).
    /// </summary>
    public sealed class FrontEndWhileConnected
    {
        private readonly FrontEndPower _power;
        private readonly Dispatcher _dispatcher;
        private bool _holding;

        /// <param name="dispatcher">Told when the callback throws, so the fault is contained like any adapter's.</param>
        public FrontEndWhileConnected(FrontEndPower power, Dispatcher dispatcher)
        {
            _power = power;
            _dispatcher = dispatcher;
            BluetoothLEServer.Instance.Session.SessionStatusChanged += OnSessionStatusChanged;
        }

        /// <summary>Runs on the BLE event thread: nothing it does may throw past it unreported.</summary>
        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            try
            {
                Follow(args.Status == GattSessionStatus.Active);
            }
            catch (System.Exception)
            {
                _dispatcher.ReportFault();
            }
        }

        private void Follow(bool active)
        {
            if (active && !_holding)
            {
                _power.Hold();
                _holding = true;
            }
            else if (!active && _holding)
            {
                _power.Release();
                _holding = false;
            }
        }
    }
}
