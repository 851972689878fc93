using LockFirmware.Battery;
using LockFirmware.Ports;
using LockFirmware.Time;

namespace LockFirmware.SelfTest
{
    /// <summary>
    /// The push-button LED self-test of the municipal routine: green on at the press, the
    /// battery measured at rest, under the test load and after it while green is on (the
    /// gas-risk checks need all three), green off, then one red
    /// blink (battery good), two (low, may be changed as normal) or none (may be completely
    /// discharged: the unit must not suggest the battery is safe to handle).
    /// </summary>
    public sealed class SelfTestSequence
    {
        private enum Step
        {
            Idle,
            Measuring,
            Recovering,
            GreenOn,
            WaitingForBlinks,
            RedOn,
            RedOff
        }

        private readonly ILeds _leds;
        private readonly IBatteryLoad _load;
        private readonly IAnalogInputs _analog;
        private readonly BatteryMonitor _battery;
        private readonly Timers _timers;
        private readonly int _testLoadOhms;

        private Step _step;
        private long _pressedAt;
        private int _blinksLeft;
        private int _loadedMillivolts;

        public SelfTestSequence(ILeds leds, IBatteryLoad load, IAnalogInputs analog, BatteryMonitor battery, Timers timers, int testLoadOhms)
        {
            _testLoadOhms = testLoadOhms;
            _leds = leds;
            _load = load;
            _analog = analog;
            _battery = battery;
            _timers = timers;
        }

        public SelfTestFinishedHandler Finished;

        public bool IsRunning
        {
            get { return _step != Step.Idle; }
        }

        public SelfTestOutcome LastOutcome { get; private set; }

        /// <summary>Starts the sequence at a debounced press; a press during a running test is ignored.</summary>
        public void OnPress(long now)
        {
            if (_step != Step.Idle)
            {
                return;
            }

            _pressedAt = now;
            _leds.Set(Led.Green, true);
            _battery.OnRestSample(_analog.ReadBatteryMillivolts());
            _load.Apply(true);
            Next(Step.Measuring, SelfTestTimings.LoadSampleMs);
        }

        /// <summary>Abandons a running test without a verdict (the output guard cut its load): LEDs off, no blink.</summary>
        public void Abort()
        {
            if (_step == Step.Idle)
            {
                return;
            }

            _step = Step.Idle;
            _timers.Cancel(TimerId.SelfTestStep);
            _load.Apply(false);
            _leds.Set(Led.Green, false);
            _leds.Set(Led.Red, false);
        }

        /// <summary>The SelfTestStep timer fired.</summary>
        public void OnStep(long now)
        {
            switch (_step)
            {
                case Step.Measuring:
                    _loadedMillivolts = _analog.ReadBatteryMillivolts();
                    _load.Apply(false);
                    _battery.OnLoadSample(_loadedMillivolts, _loadedMillivolts / _testLoadOhms);
                    Next(Step.Recovering, SelfTestTimings.RecoverySampleMs);
                    break;
                case Step.Recovering:
                    LastOutcome = ToOutcome(_battery.OnRecoverySample(_analog.ReadBatteryMillivolts()));
                    _blinksLeft = BlinksFor(LastOutcome);
                    Next(Step.GreenOn, SelfTestTimings.GreenOffMs);
                    break;
                case Step.GreenOn:
                    _leds.Set(Led.Green, false);
                    if (_blinksLeft == 0)
                    {
                        End();
                        return;
                    }

                    Next(Step.WaitingForBlinks, SelfTestTimings.FirstBlinkMs);
                    break;
                case Step.WaitingForBlinks:
                case Step.RedOff:
                    _leds.Set(Led.Red, true);
                    _blinksLeft--;
                    Next(Step.RedOn, (int)(now - _pressedAt) + SelfTestTimings.BlinkOnMs);
                    break;
                case Step.RedOn:
                    _leds.Set(Led.Red, false);
                    if (_blinksLeft == 0)
                    {
                        End();
                        return;
                    }

                    Next(Step.RedOff, (int)(now - _pressedAt) + SelfTestTimings.BlinkGapMs);
                    break;
            }
        }

        private void Next(Step step, int atMsAfterPress)
        {
            _step = step;
            _timers.Start(TimerId.SelfTestStep, _pressedAt + atMsAfterPress);
        }

        private void End()
        {
            _step = Step.Idle;
            SelfTestFinishedHandler handler = Finished;
            if (handler != null)
            {
                handler(LastOutcome, _loadedMillivolts);
            }
        }

        private static SelfTestOutcome ToOutcome(BatteryLevel level)
        {
            if (level == BatteryLevel.Good)
            {
                return SelfTestOutcome.BatteryGood;
            }

            if (level == BatteryLevel.Low || level == BatteryLevel.Critical)
            {
                return SelfTestOutcome.BatteryLow;
            }

            return SelfTestOutcome.BatteryDepleted;
        }

        private static int BlinksFor(SelfTestOutcome outcome)
        {
            if (outcome == SelfTestOutcome.BatteryGood)
            {
                return 1;
            }

            return outcome == SelfTestOutcome.BatteryLow ? 2 : 0;
        }
    }
}
