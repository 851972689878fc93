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
        private bool _holding;

        public FrontEndWhileConnected(FrontEndPower power)
        {
            _power = power;
            BluetoothLEServer.Instance.Session.SessionStatusChanged += OnSessionStatusChanged;
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            bool active = args.Status == GattSessionStatus.Active;
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
