using LockFirmware.Battery;
using LockFirmware.Ports;
using LockFirmware.SelfTest;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The push-button self-test on fake LEDs and battery, in virtual time, judged on the exact
    /// LED times of SelfTestTimings (ms after the accepted press).
    /// </summary>
    [TestClass]
    public class SelfTestSequenceTests
    {
        private const long PressAt = 1000;

        /// <summary>Well past the routine's 20 s limit for the last blink.</summary>
        private const long RunFor = 25000;

        [TestMethod]
        public void Good_battery_green_at_the_press_off_at_4_s_one_red_blink_at_6_s()
        {
            Rig rig = new Rig(7000, 6700, 7000);
            rig.PressAndRun();

            Assert.AreEqual(4, rig.Leds.Count);
            AssertChange(rig.Leds, 0, Led.Green, true, 0);
            AssertChange(rig.Leds, 1, Led.Green, false, SelfTestTimings.GreenOffMs);
            AssertChange(rig.Leds, 2, Led.Red, true, SelfTestTimings.FirstBlinkMs);
            AssertChange(rig.Leds, 3, Led.Red, false, SelfTestTimings.FirstBlinkMs + SelfTestTimings.BlinkOnMs);
            Assert.AreEqual(SelfTestOutcome.BatteryGood, rig.SelfTest.LastOutcome);
        }

        [TestMethod]
        public void Low_battery_blinks_red_twice()
        {
            Rig rig = new Rig(6600, 6300, 6600);
            rig.PressAndRun();

            int second = SelfTestTimings.FirstBlinkMs + SelfTestTimings.BlinkOnMs + SelfTestTimings.BlinkGapMs;
            Assert.AreEqual(6, rig.Leds.Count);
            AssertChange(rig.Leds, 2, Led.Red, true, SelfTestTimings.FirstBlinkMs);
            AssertChange(rig.Leds, 3, Led.Red, false, SelfTestTimings.FirstBlinkMs + SelfTestTimings.BlinkOnMs);
            AssertChange(rig.Leds, 4, Led.Red, true, second);
            AssertChange(rig.Leds, 5, Led.Red, false, second + SelfTestTimings.BlinkOnMs);
            Assert.AreEqual(SelfTestOutcome.BatteryLow, rig.SelfTest.LastOutcome);
        }

        [TestMethod]
        public void Depleted_battery_never_blinks_red()
        {
            Rig rig = new Rig(4200, 3800, 4200);
            rig.PressAndRun();

            Assert.AreEqual(2, rig.Leds.Count);
            AssertChange(rig.Leds, 0, Led.Green, true, 0);
            AssertChange(rig.Leds, 1, Led.Green, false, SelfTestTimings.GreenOffMs);
            Assert.AreEqual(SelfTestOutcome.BatteryDepleted, rig.SelfTest.LastOutcome);
            Assert.AreEqual(GasRiskCause.OverDischarged, rig.Monitor.GasRisk);
        }

        [TestMethod]
        public void The_test_load_is_on_from_the_press_until_the_load_sample()
        {
            Rig rig = new Rig(7000, 6700, 7000);
            rig.PressAndRun();

            Assert.AreEqual(PressAt, rig.Battery.LoadOnAt);
            Assert.AreEqual(PressAt + SelfTestTimings.LoadSampleMs, rig.Battery.LoadOffAt);
            Assert.IsFalse(rig.Battery.IsLoaded);
        }

        [TestMethod]
        public void The_end_is_reported_once_with_the_loaded_voltage()
        {
            Rig rig = new Rig(7000, 6700, 7000);
            rig.PressAndRun();

            Assert.IsFalse(rig.SelfTest.IsRunning);
            Assert.AreEqual(1, rig.Finished.Count);
            Assert.AreEqual(SelfTestOutcome.BatteryGood, rig.Finished.Outcome);
            Assert.AreEqual(6700, rig.Finished.LoadedMillivolts);
        }

        [TestMethod]
        public void A_press_during_the_test_is_ignored()
        {
            Rig rig = new Rig(7000, 6700, 7000);
            rig.SelfTest.OnPress(PressAt);
            rig.Time.RunUntil(PressAt + 2000, rig.SelfTest.OnStep);

            rig.SelfTest.OnPress(rig.Time.Now);
            rig.Time.RunUntil(PressAt + RunFor, rig.SelfTest.OnStep);

            Assert.AreEqual(4, rig.Leds.Count);
            Assert.AreEqual(1, rig.Finished.Count);
        }

        private static void AssertChange(RecordingLeds leds, int index, Led led, bool on, long msAfterPress)
        {
            LedChange change = leds[index];
            Assert.AreEqual(led, change.Led, "LED of write " + index);
            Assert.AreEqual(on, change.On, "on/off of write " + index);
            Assert.AreEqual(PressAt + msAfterPress, change.At, "time of write " + index);
        }

        /// <summary>The sequence wired to fakes, on a battery given as rest, loaded and after-load voltages.</summary>
        private sealed class Rig
        {
            public readonly VirtualTime Time = new VirtualTime(PressAt);
            public readonly RecordingLeds Leds;
            public readonly FakeBattery Battery;
            public readonly BatteryMonitor Monitor;
            public readonly SelfTestSequence SelfTest;
            public readonly SelfTestRecorder Finished = new SelfTestRecorder();

            public Rig(int restMillivolts, int loadedMillivolts, int afterLoadMillivolts)
            {
                BatteryProfile profile = new BatteryProfile();
                Leds = new RecordingLeds(Time.Clock);
                Battery = new FakeBattery(Time.Clock, restMillivolts, loadedMillivolts, afterLoadMillivolts);
                Monitor = new BatteryMonitor(profile);
                SelfTest = new SelfTestSequence(Leds, Battery, Battery, Monitor, Time.Timers, profile.TestLoadOhms);
                SelfTest.Finished = Finished.OnFinished;
            }

            public void PressAndRun()
            {
                SelfTest.OnPress(PressAt);
                Time.RunUntil(PressAt + RunFor, SelfTest.OnStep);
            }
        }
    }
}
