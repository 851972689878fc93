using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The motor bridge as the unlock path's end: passes every Drive on to the drive train and
    /// remembers when the motor was first started and how often.
    /// </summary>
    public sealed class DriveLog : IMotorBridge
    {
        private readonly FakeClock _clock;
        private readonly IMotorBridge _train;

        public DriveLog(FakeClock clock, IMotorBridge train)
        {
            _clock = clock;
            _train = train;
            FirstStartAt = -1;
        }

        /// <summary>Clock time the bridge was first switched to Unlock or Lock; -1 until then.</summary>
        public long FirstStartAt { get; private set; }

        /// <summary>The direction of that first start.</summary>
        public MotorDrive FirstStart { get; private set; }

        /// <summary>Switches to Unlock or Lock so far.</summary>
        public int Starts { get; private set; }

        public MotorDrive Last { get; private set; }

        public void Drive(MotorDrive drive)
        {
            bool starting = (drive == MotorDrive.Unlock || drive == MotorDrive.Lock) && drive != Last;
            if (starting)
            {
                if (Starts == 0)
                {
                    FirstStartAt = _clock.NowMilliseconds;
                    FirstStart = drive;
                }

                Starts++;
            }

            Last = drive;
            _train.Drive(drive);
        }
    }
}
