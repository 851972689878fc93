using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// A battery as the self-test sees it through its ports: one voltage at rest, one under the
    /// test load, one once the load is off again (a healthy pack comes back to its rest voltage).
    /// </summary>
    public sealed class FakeBattery : IAnalogInputs, IBatteryLoad
    {
        private readonly FakeClock _clock;
        private readonly int _restMillivolts;
        private readonly int _loadedMillivolts;
        private readonly int _afterLoadMillivolts;

        public FakeBattery(FakeClock clock, int restMillivolts, int loadedMillivolts, int afterLoadMillivolts)
        {
            _clock = clock;
            _restMillivolts = restMillivolts;
            _loadedMillivolts = loadedMillivolts;
            _afterLoadMillivolts = afterLoadMillivolts;
            LoadOnAt = -1;
            LoadOffAt = -1;
        }

        public bool IsLoaded { get; private set; }

        /// <summary>Clock time of the last load on and off; -1 until it happens.</summary>
        public long LoadOnAt { get; private set; }

        public long LoadOffAt { get; private set; }

        public void Apply(bool on)
        {
            IsLoaded = on;
            if (on)
            {
                LoadOnAt = _clock.NowMilliseconds;
            }
            else
            {
                LoadOffAt = _clock.NowMilliseconds;
            }
        }

        public int ReadBatteryMillivolts()
        {
            if (IsLoaded)
            {
                return _loadedMillivolts;
            }

            return LoadOffAt >= 0 ? _afterLoadMillivolts : _restMillivolts;
        }

        public int ReadMotorMilliamps()
        {
            return 0;
        }
    }
}
