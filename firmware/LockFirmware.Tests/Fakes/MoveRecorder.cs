using LockFirmware.Motor;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>Catches MotorController.MoveFinished: how often it came, and the last state and alarm.</summary>
    public sealed class MoveRecorder
    {
        public int Count { get; private set; }

        public LockState State { get; private set; }

        public MotorAlarm Alarm { get; private set; }

        public void OnMoveFinished(LockState state, MotorAlarm alarm)
        {
            Count++;
            State = state;
            Alarm = alarm;
        }
    }
}
