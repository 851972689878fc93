namespace LockFirmware.Ports
{
    /// <summary>
    /// PWM on the H-bridge, on boards that have it: the share of time the bridge drives, in
    /// per mille. The core ramps it up at each start (soft start), which cuts the inrush the
    /// battery sees and the knock on the mechanism. Boards without PWM leave the port null.
    /// </summary>
    public interface IMotorSpeed
    {
        void SetDuty(int permille);
    }
}
