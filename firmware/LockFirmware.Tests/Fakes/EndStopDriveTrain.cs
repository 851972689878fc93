using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The thumb-turn as a test double, both the bridge and the analog inputs the controller
    /// sees: it turns at constant speed while driven, draws the running current while it
    /// turns and the stall current once pushed against an end stop or an obstacle (a jammed
    /// bolt). Positions are milliseconds of travel from the locked end.
    /// </summary>
    public sealed class EndStopDriveTrain : IMotorBridge, IAnalogInputs
    {
        public const int SupplyMillivolts = 7200;
        public const int RunningMilliamps = 300;

        /// <summary>Supply over the default winding resistance (MotorSettings.StallResistanceMilliohms, 5.4 Ω).</summary>
        public const int StallMilliamps = SupplyMillivolts * 1000 / 5400;

        /// <summary>
        /// One full travel: the default MotorSettings.FullTravelMillivoltSeconds (4 900 mV·s) over
        /// the back-EMF while running (7 200 mV − 300 mA × 5.4 Ω = 5 580 mV) is 878 ms.
        /// </summary>
        public const int TravelMs = 880;

        private const int NoObstacle = -1;
        private const int MaxRuns = 32;

        private readonly FakeClock _clock;
        private readonly MotorDrive[] _runs = new MotorDrive[MaxRuns];
        private long _movedAt;
        private int _obstacle = NoObstacle;
        private bool _belowObstacle;

        public EndStopDriveTrain(FakeClock clock, int position)
        {
            _clock = clock;
            _movedAt = clock.NowMilliseconds;
            Position = position;
            LastDrive = MotorDrive.Coast;
        }

        public int Position { get; private set; }

        public MotorDrive LastDrive { get; private set; }

        /// <summary>A broken motor wire: no current, no movement.</summary>
        public bool OpenCircuit { get; set; }

        /// <summary>How many times the bridge was switched to Lock or Unlock.</summary>
        public int RunCount { get; private set; }

        /// <summary>The direction of run number <paramref name="index"/>, in order.</summary>
        public MotorDrive RunAt(int index)
        {
            return _runs[index];
        }

        /// <summary>Something the bolt cannot pass, on whichever side of it the bolt is now.</summary>
        public void PlaceObstacle(int position)
        {
            _obstacle = position;
            _belowObstacle = Position < position;
        }

        public void Drive(MotorDrive drive)
        {
            Move();
            LastDrive = drive;
            if (IsRunning)
            {
                _runs[RunCount] = drive;
                RunCount++;
            }
        }

        public int ReadBatteryMillivolts()
        {
            return SupplyMillivolts;
        }

        public int ReadMotorMilliamps()
        {
            Move();
            if (OpenCircuit || !IsRunning)
            {
                return 0;
            }

            bool stopped = LastDrive == MotorDrive.Unlock ? Position == UpperStop() : Position == LowerStop();
            return stopped ? StallMilliamps : RunningMilliamps;
        }

        private bool IsRunning
        {
            get { return LastDrive == MotorDrive.Unlock || LastDrive == MotorDrive.Lock; }
        }

        /// <summary>Catches up with the time driven since the last call.</summary>
        private void Move()
        {
            int elapsed = (int)(_clock.NowMilliseconds - _movedAt);
            _movedAt = _clock.NowMilliseconds;
            if (OpenCircuit)
            {
                return;
            }

            if (LastDrive == MotorDrive.Unlock)
            {
                int upper = UpperStop();
                Position = Position + elapsed > upper ? upper : Position + elapsed;
            }
            else if (LastDrive == MotorDrive.Lock)
            {
                int lower = LowerStop();
                Position = Position - elapsed < lower ? lower : Position - elapsed;
            }
        }

        private int UpperStop()
        {
            return _obstacle != NoObstacle && _belowObstacle ? _obstacle : TravelMs;
        }

        private int LowerStop()
        {
            return _obstacle != NoObstacle && !_belowObstacle ? _obstacle : 0;
        }
    }
}
