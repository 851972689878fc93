namespace LockFirmware.Ports
{
    /// <summary>How the H-bridge drives the thumb-turn motor.</summary>
    public enum MotorDrive
    {
        /// <summary>Both bridge outputs off: the motor spins down freely.</summary>
        Coast,
        /// <summary>Turns the thumb-turn towards unlocked.</summary>
        Unlock,
        /// <summary>Turns the thumb-turn towards locked.</summary>
        Lock,
        /// <summary>Both motor terminals shorted: the motor stops quickly.</summary>
        Brake
    }

    /// <summary>The motor driver (an H-bridge such as the DRV8833).</summary>
    public interface IMotorBridge
    {
        void Drive(MotorDrive drive);
    }
}
