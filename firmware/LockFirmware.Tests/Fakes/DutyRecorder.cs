using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>The PWM port: remembers the duty last set.</summary>
    public sealed class DutyRecorder : IMotorSpeed
    {
        public int Permille { get; private set; }

        public void SetDuty(int permille)
        {
            Permille = permille;
        }
    }
}
