using LockFirmware.Motor;
using LockFirmware.Safety;
using LockFirmware.Strike;
using LockFirmware.Tests.Fakes;
using LockFirmware.Time;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// Issue 21 on the device: the port unit's strike is released for its time and never
    /// longer, a door cycle ends the release early, an unlock during a release restarts its time
    /// but no chain of them holds it past the cap, a door left open raises the held-open alarm until it closes, and a released strike
    /// keeps the output guard armed like a running motor.
    /// </summary>
    [TestClass]
    public class StrikeControllerTests
    {
        private const int ReleaseMs = 5000;
        private const int HeldOpenMs = 60000;

        [TestMethod]
        public void An_unlock_releases_the_strike_for_its_time_and_a_second_unlock_restarts_that_time()
        {
            Rig rig = new Rig(ReleaseMs);

            Assert.AreEqual(MoveRequestResult.Started, rig.Strike.Request(LockState.Unlocked, 1000));
            Assert.IsTrue(rig.Relay.Released);
            Assert.AreEqual(LockState.Unlocked, rig.Moves.State);
            Assert.AreEqual(MoveRequestResult.Restarted, rig.Strike.Request(LockState.Unlocked, 4000));
            Assert.AreEqual(1, rig.Moves.Count);

            rig.RunUntil(8999);
            Assert.IsTrue(rig.Relay.Released);
            rig.RunUntil(9000);
            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(LockState.Locked, rig.Strike.State);
            Assert.AreEqual(4000 + ReleaseMs - 1000, rig.Strike.OnTimeMs);
            Assert.AreEqual(1, rig.Relay.Releases);
            Assert.AreEqual(1, rig.Strike.CompletedUnlocks);
            Assert.AreEqual(1, rig.Strike.CompletedLocks);
        }

        [TestMethod]
        public void A_second_unlock_while_the_first_staff_member_walks_through_keeps_the_release_for_the_second()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);
            rig.Strike.OnDoor(true, 1200);
            rig.Strike.Request(LockState.Unlocked, 2000);

            rig.Strike.OnDoor(false, 4200);
            Assert.IsTrue(rig.Relay.Released);

            // The second one through ends it.
            Assert.IsTrue(rig.Strike.OnDoor(true, 5000));
            rig.Strike.OnDoor(false, 6000);
            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(1, rig.Relay.Releases);
        }

        [TestMethod]
        public void A_chain_of_valid_unlocks_every_second_never_holds_the_strike_past_the_cap_and_each_cap_rests_engaged()
        {
            // Unlocks on the second, when the cap's own deadline falls on one (the unlock is
            // handled first), and every 700 ms, when unlocks come during the rest.
            int[] periods = new int[] { 1000, 700 };
            for (int p = 0; p < periods.Length; p++)
            {
                Rig rig = new Rig(ReleaseMs);
                ReleaseLog log = new ReleaseLog(rig);
                rig.Strike.MoveFinished = log.OnMoveFinished;
                for (long t = 0; t <= 125000; t += periods[p])
                {
                    rig.Now = t;
                    MoveRequestResult result = rig.Strike.Request(LockState.Unlocked, t);
                    Assert.IsTrue(result == MoveRequestResult.Started || result == MoveRequestResult.Restarted);
                    rig.RunUntil(t + periods[p] - 1);
                }

                Assert.AreEqual(StrikeSettings.MaxContinuousReleaseMs, log.LongestMs);
                Assert.AreEqual(StrikeSettings.RestAfterCapMs, log.ShortestGapMs);
                // The chain gets new releases: a cap never locks staff out.
                Assert.AreEqual(5, rig.Relay.Releases);
            }
        }

        [TestMethod]
        public void A_lock_during_the_rest_after_the_cap_cancels_the_release_waiting_for_it()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);
            for (long t = 4000; t < StrikeSettings.MaxContinuousReleaseMs; t += 4000)
            {
                rig.Strike.Request(LockState.Unlocked, t);
            }

            rig.RunUntil(StrikeSettings.MaxContinuousReleaseMs);
            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(MoveRequestResult.Started, rig.Strike.Request(LockState.Unlocked, StrikeSettings.MaxContinuousReleaseMs + 100));
            Assert.IsTrue(rig.Timers.IsArmed(TimerId.StrikeRelease));
            Assert.AreEqual(MoveRequestResult.AlreadyThere, rig.Strike.Request(LockState.Locked, StrikeSettings.MaxContinuousReleaseMs + 200));

            rig.RunUntil(StrikeSettings.MaxContinuousReleaseMs + 60000);
            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(1, rig.Relay.Releases);
        }

        [TestMethod]
        public void A_release_time_above_the_bound_is_held_to_the_bound()
        {
            Rig rig = new Rig(StrikeSettings.MaxReleaseMs * 3);

            rig.Strike.Request(LockState.Unlocked, 0);
            rig.RunUntil(StrikeSettings.MaxReleaseMs - 1);
            Assert.IsTrue(rig.Relay.Released);
            rig.RunUntil(StrikeSettings.MaxReleaseMs);
            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(StrikeSettings.MaxReleaseMs, rig.Strike.ReleaseMs);
        }

        [TestMethod]
        public void The_door_opening_confirms_the_entry_and_its_closing_ends_the_release_early()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);

            Assert.IsTrue(rig.Strike.OnDoor(true, 1200));
            Assert.IsTrue(rig.Relay.Released);
            Assert.IsFalse(rig.Strike.OnDoor(false, 3000));

            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(LockState.Locked, rig.Strike.State);
            Assert.AreEqual(3000, rig.Strike.OnTimeMs);
            Assert.IsFalse(rig.Timers.IsArmed(TimerId.StrikeRelease));
        }

        [TestMethod]
        public void A_door_opened_with_the_strike_engaged_is_no_entry_and_does_not_release()
        {
            Rig rig = new Rig(ReleaseMs);

            Assert.IsFalse(rig.Strike.OnDoor(true, 100));
            Assert.IsFalse(rig.Strike.OnDoor(false, 200));

            Assert.IsFalse(rig.Relay.Released);
            Assert.AreEqual(0, rig.Moves.Count);
        }

        [TestMethod]
        public void A_door_left_open_raises_the_held_open_alarm_once_and_closing_clears_it()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);
            rig.Strike.OnDoor(true, 1000);
            rig.RunUntil(ReleaseMs);
            Assert.IsFalse(rig.Relay.Released);

            Assert.AreEqual(1000 + HeldOpenMs, rig.Timers.NextDue);
            TimerId id;
            Assert.IsTrue(rig.Timers.TakeDue(1000 + HeldOpenMs, out id));
            Assert.AreEqual(TimerId.DoorHeldOpen, id);
            Assert.IsTrue(rig.Strike.OnHeldOpenTimer());
            Assert.IsFalse(rig.Strike.OnHeldOpenTimer());
            Assert.AreEqual(MotorAlarm.DoorHeldOpen, rig.Strike.LastAlarm);

            rig.Strike.OnDoor(false, 90000);
            Assert.AreEqual(MotorAlarm.None, rig.Strike.LastAlarm);
            Assert.AreEqual(LockState.Locked, rig.Strike.State);
        }

        [TestMethod]
        public void A_released_strike_keeps_the_guard_armed_and_stopping_all_engages_it()
        {
            FakeGuard guard = new FakeGuard();
            RecordingStrike relay = new RecordingStrike();
            GuardedOutputs outputs = new GuardedOutputs(null, new FakeBattery(new FakeClock(), 7200, 7000, 7100), relay, guard, 500);

            outputs.Release(true);
            outputs.CheckIn();
            Assert.AreEqual(500, guard.ArmedFor);
            Assert.IsTrue(outputs.Energised);

            outputs.StopAll();
            Assert.IsFalse(relay.Released);
            Assert.IsFalse(outputs.Energised);
            Assert.AreEqual(0, guard.ArmedFor);
        }

        [TestMethod]
        public void A_guard_trip_during_a_release_leaves_the_strike_engaged_and_reported_locked()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);

            rig.Strike.Abort(MotorAlarm.Guard, 700);

            Assert.AreEqual(LockState.Locked, rig.Moves.State);
            Assert.AreEqual(MotorAlarm.Guard, rig.Strike.LastAlarm);
            Assert.IsFalse(rig.Timers.IsArmed(TimerId.StrikeRelease));
        }

        private sealed class Rig
        {
            public readonly Timers Timers = new Timers();
            public readonly RecordingStrike Relay = new RecordingStrike();
            public readonly MoveRecorder Moves = new MoveRecorder();
            public readonly StrikeController Strike;

            /// <summary>The time of the call being made, for a MoveFinished handler (the strike passes none).</summary>
            public long Now;

            public Rig(int releaseMs)
            {
                StrikeSettings settings = new StrikeSettings();
                settings.ReleaseMs = releaseMs;
                settings.HeldOpenMs = HeldOpenMs;
                Strike = new StrikeController(Relay, Timers, settings);
                Strike.MoveFinished = Moves.OnMoveFinished;
            }

            /// <summary>Fires the strike's timers due up to <paramref name="now"/>, each at its due time, as the lock's dispatcher would.</summary>
            public void RunUntil(long now)
            {
                TimerId id;
                long due = Timers.NextDue;
                while (due <= now && Timers.TakeDue(due, out id))
                {
                    Now = due;
                    if (id == TimerId.StrikeRelease)
                    {
                        Strike.OnReleaseTimer(due);
                    }

                    due = Timers.NextDue;
                }
            }
        }

        /// <summary>The longest release and the shortest time engaged between two releases, on the rig's clock.</summary>
        private sealed class ReleaseLog
        {
            private readonly Rig _rig;
            private long _engagedAt = -1;

            public ReleaseLog(Rig rig)
            {
                _rig = rig;
                ShortestGapMs = long.MaxValue;
            }

            public int LongestMs { get; private set; }

            public long ShortestGapMs { get; private set; }

            public void OnMoveFinished(LockState state, MotorAlarm alarm)
            {
                if (state == LockState.Locked)
                {
                    _engagedAt = _rig.Now;
                    if (_rig.Strike.OnTimeMs > LongestMs)
                    {
                        LongestMs = _rig.Strike.OnTimeMs;
                    }
                }
                else if (_engagedAt >= 0 && _rig.Now - _engagedAt < ShortestGapMs)
                {
                    ShortestGapMs = _rig.Now - _engagedAt;
                }
            }
        }
    }
}
