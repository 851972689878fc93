using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The motor controller against a drive train with end stops, in virtual time: end stops
    /// reached, cycles counted, an early stall homed once then jammed after the retries, and
    /// an open circuit stopped at once.
    /// </summary>
    [TestClass]
    public class MotorControllerTests
    {
        private const int LockedEnd = 0;
        private const int UnlockedEnd = EndStopDriveTrain.TravelMs;

        [TestMethod]
        public void Unlock_runs_to_the_end_stop_and_reports_Unlocked_once_stopped()
        {
            Rig rig = new Rig(LockedEnd);

            Assert.AreEqual(MoveRequestResult.Started, rig.Motor.Request(LockState.Unlocked, rig.Time.Now));
            Assert.AreEqual(LockState.Unlocking, rig.Motor.State);
            rig.RunToEnd();

            Assert.AreEqual(LockState.Unlocked, rig.Motor.State);
            Assert.AreEqual(MotorAlarm.None, rig.Motor.LastAlarm);
            Assert.AreEqual(1, rig.Moves.Count);
            Assert.AreEqual(LockState.Unlocked, rig.Moves.State);
            Assert.AreEqual(MotorDrive.Coast, rig.Train.LastDrive);
            // At the end stop, less the short reverse that takes the tension off the cylinder.
            Assert.AreEqual(UnlockedEnd - rig.Settings.TensionReleaseMs, rig.Train.Position);
        }

        [TestMethod]
        public void Completed_locks_and_unlocks_are_counted()
        {
            Rig rig = new Rig(LockedEnd);
            rig.Motor.RestoreCounts(10, 20);

            rig.Move(LockState.Unlocked);
            rig.Move(LockState.Locked);
            rig.Move(LockState.Unlocked);
            Assert.AreEqual(MoveRequestResult.AlreadyThere, rig.Motor.Request(LockState.Unlocked, rig.Time.Now));

            Assert.AreEqual(LockState.Unlocked, rig.Motor.State);
            Assert.AreEqual(11, rig.Motor.CompletedLocks);
            Assert.AreEqual(22, rig.Motor.CompletedUnlocks);
            Assert.AreEqual(3, rig.Moves.Count);
        }

        [TestMethod]
        public void An_early_stall_while_unlocking_homes_once_then_jams_after_two_retries()
        {
            Rig rig = new Rig(LockedEnd);
            rig.Train.PlaceObstacle(300);

            rig.Move(LockState.Unlocked);

            Assert.AreEqual(LockState.Jammed, rig.Motor.State);
            Assert.AreEqual(MotorAlarm.JammedWhileUnlocking, rig.Motor.LastAlarm);
            Assert.AreEqual(1, rig.Moves.Count);
            Assert.AreEqual(0, rig.Motor.CompletedUnlocks);
            AssertRuns(rig.Train, MotorDrive.Unlock, MotorDrive.Lock);
            Assert.IsTrue(rig.Motor.OnTimeMs <= rig.Settings.MaxOnTimeMs);
        }

        [TestMethod]
        public void An_early_stall_while_locking_jams_with_the_locking_alarm()
        {
            Rig rig = new Rig(UnlockedEnd);
            rig.Train.PlaceObstacle(500);

            rig.Move(LockState.Locked);

            Assert.AreEqual(LockState.Jammed, rig.Motor.State);
            Assert.AreEqual(MotorAlarm.JammedWhileLocking, rig.Motor.LastAlarm);
            AssertRuns(rig.Train, MotorDrive.Lock, MotorDrive.Unlock);
        }

        [TestMethod]
        public void An_open_circuit_stops_at_the_first_sample_after_the_inrush()
        {
            Rig rig = new Rig(LockedEnd);
            rig.Train.OpenCircuit = true;

            rig.Move(LockState.Unlocked);

            Assert.AreEqual(LockState.Unknown, rig.Motor.State);
            Assert.AreEqual(MotorAlarm.OpenCircuit, rig.Motor.LastAlarm);
            Assert.AreEqual(MotorDrive.Coast, rig.Train.LastDrive);
            Assert.AreEqual(1, rig.Moves.Count);
            Assert.IsTrue(rig.Motor.OnTimeMs <= rig.Settings.InrushBlankingMs + rig.Settings.StepMs);
        }

        /// <summary>
        /// The runs of a jammed request: the first, the homing run the other way, the full run,
        /// then a back-off and a retry for each of the two retries, and the last back-off.
        /// </summary>
        private static void AssertRuns(EndStopDriveTrain train, MotorDrive towards, MotorDrive away)
        {
            MotorDrive[] expected = { towards, away, towards, away, towards, away, towards, away };
            Assert.AreEqual(expected.Length, train.RunCount);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], train.RunAt(i), "run " + i);
            }
        }

        /// <summary>The controller wired to the drive train, with the default settings of the reference unit.</summary>
        private sealed class Rig
        {
            /// <summary>Longer than the 9 s motor-on limit plus every brake in between.</summary>
            private const long RequestTimeout = 20000;

            public readonly VirtualTime Time = new VirtualTime(0);
            public readonly MotorSettings Settings = new MotorSettings();
            public readonly EndStopDriveTrain Train;
            public readonly MotorController Motor;
            public readonly MoveRecorder Moves = new MoveRecorder();

            public Rig(int position)
            {
                Train = new EndStopDriveTrain(Time.Clock, position);
                Motor = new MotorController(Train, null, Train, Time.Timers, Settings);
                Motor.MoveFinished = Moves.OnMoveFinished;
            }

            public void Move(LockState target)
            {
                Assert.AreEqual(MoveRequestResult.Started, Motor.Request(target, Time.Now));
                RunToEnd();
            }

            public void RunToEnd()
            {
                Time.RunUntil(Time.Now + RequestTimeout, Motor.OnStep);
                Assert.IsFalse(Motor.IsMoving);
            }
        }
    }
}
