namespace LockFirmware.Motor
{
    /// <summary>Raised once per request when the motor has stopped for good.</summary>
    public delegate void MoveFinishedHandler(LockState state, MotorAlarm alarm);
}
