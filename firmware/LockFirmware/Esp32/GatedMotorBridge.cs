using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>A motor bridge whose driver and current amplifier are powered only while the motor is driven or braked.</summary>
    public sealed class GatedMotorBridge : IMotorBridge
    {
        private readonly IMotorBridge _bridge;
        private readonly FrontEndPower _power;
        private bool _holding;

        public GatedMotorBridge(IMotorBridge bridge, FrontEndPower power)
        {
            _bridge = bridge;
            _power = power;
        }

        public void Drive(MotorDrive drive)
        {
            if (drive != MotorDrive.Coast && !_holding)
            {
                _power.Hold();
                _holding = true;
            }

            _bridge.Drive(drive);
            if (drive == MotorDrive.Coast && _holding)
            {
                _power.Release();
                _holding = false;
            }
        }
    }
}
