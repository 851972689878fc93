using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Safety;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Issue 13 on the device: the outputs arm the guard the moment they are energised, a
    /// check-in disarms it once nothing is on, and the motor is at full duty after a soft
    /// start whose steps land late (a board tick, a flash commit).
    /// </summary>
    [TestClass]
    public class FailSafeTests
    {
        private const int Bound = 500;

        [TestMethod]
        public void Driving_the_motor_arms_the_guard_before_the_bridge_moves_and_a_check_in_at_rest_disarms_it()
        {
            FakeClock clock = new FakeClock();
            EndStopDriveTrain train = new EndStopDriveTrain(clock, 0);
            FakeGuard guard = new FakeGuard();
            GuardedOutputs outputs = new GuardedOutputs(train, new FakeBattery(clock, 7200, 7000, 7100), guard, Bound);

            outputs.Drive(MotorDrive.Unlock);
            Assert.AreEqual(Bound, guard.ArmedFor);
            Assert.IsTrue(outputs.Energised);

            outputs.Drive(MotorDrive.Brake);
            outputs.CheckIn();
            Assert.AreEqual(0, guard.ArmedFor);
            Assert.IsFalse(outputs.Energised);
        }

        [TestMethod]
        public void The_test_load_arms_the_guard_too_and_stopping_all_clears_a_trip()
        {
            FakeClock clock = new FakeClock();
            FakeGuard guard = new FakeGuard();
            GuardedOutputs outputs = new GuardedOutputs(new EndStopDriveTrain(clock, 0), new FakeBattery(clock, 7200, 7000, 7100), guard, Bound);

            outputs.Apply(true);
            outputs.CheckIn();
            Assert.AreEqual(Bound, guard.ArmedFor);
            guard.Tripped = true;
            Assert.IsTrue(outputs.GuardTripped);

            outputs.StopAll();
            Assert.IsFalse(outputs.GuardTripped);
            Assert.IsFalse(outputs.Energised);
            Assert.AreEqual(0, guard.ArmedFor);
        }

        [TestMethod]
        public void A_soft_start_whose_first_step_lands_after_the_ramp_time_runs_at_full_duty()
        {
            VirtualTime time = new VirtualTime(0);
            EndStopDriveTrain train = new EndStopDriveTrain(time.Clock, 0);
            DutyRecorder duty = new DutyRecorder();
            MotorSettings settings = new MotorSettings();
            MotorController motor = new MotorController(train, duty, train, time.Timers, settings);

            motor.Request(LockState.Unlocked, time.Now);
            Assert.AreEqual(settings.SoftStartFromPermille, duty.Permille);

            // The first step comes only after a long flash commit, well past the ramp's 60 ms.
            time.Clock.NowMilliseconds = settings.SoftStartMs + 90;
            motor.OnStep(time.Now);
            Assert.AreEqual(1000, duty.Permille);
        }
    }
}
