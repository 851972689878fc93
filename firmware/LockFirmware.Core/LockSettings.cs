using LockFirmware.Battery;
using LockFirmware.Motor;

namespace LockFirmware
{
    /// <summary>Everything board- and unit-specific the lock logic needs; a board definition fills it in.</summary>
    public sealed class LockSettings
    {
        public MotorSettings Motor = new MotorSettings();
        public BatteryProfile Battery = new BatteryProfile();
    }
}
