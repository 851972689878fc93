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
        public void A_chain_of_unlock_and_lock_pairs_never_holds_the_strike_released_past_the_cap_counting_gaps_under_the_rest_as_released()
        {
            // An attacker with a valid session: Unlock, Lock after `held` ms, the next Unlock `gap` ms
            // after that Lock, for two minutes. A gap shorter than the rest does not let the keeper
            // latch a door for good, so it counts as released; 999 and 1000 are the boundary.
            int[] helds = new int[] { 1, 500, 4000, 29000, 29999 };
            int[] gaps = new int[] { 0, 1, 100, 999, 1000 };
            for (int h = 0; h < helds.Length; h++)
            {
                for (int g = 0; g < gaps.Length; g++)
                {
                    Rig rig = new Rig(ReleaseMs);
                    SpanLog log = new SpanLog(rig);
                    rig.Strike.MoveFinished = log.OnMoveFinished;
                    long t = 0;
                    while (t <= 120000)
                    {
                        rig.RunUntil(t);
                        rig.Now = t;
                        rig.Strike.Request(LockState.Unlocked, t);
                        t += helds[h];
                        rig.RunUntil(t);
                        rig.Now = t;
                        rig.Strike.Request(LockState.Locked, t);
                        t += gaps[g];
                    }

                    rig.RunUntil(t + 60000);
                    log.Close();
                    Assert.IsTrue(log.LongestSpanMs <= StrikeSettings.MaxContinuousReleaseMs, "held " + helds[h] + " gap " + gaps[g] + ": released " + log.LongestSpanMs + " ms");
                    Assert.IsTrue(log.Spans > 0);
                }
            }
        }

        [TestMethod]
        public void A_release_right_after_a_lock_continues_the_chain_and_one_a_full_rest_later_starts_a_new_one()
        {
            Rig rig = new Rig(ReleaseMs);
            rig.Strike.Request(LockState.Unlocked, 0);
            rig.Strike.Request(LockState.Locked, 29500);

            // 999 ms engaged: the same chain, so its cap (30 s from 0) is already over: no release until the rest.
            Assert.AreEqual(MoveRequestResult.Started, rig.Strike.Request(LockState.Unlocked, 30499));
            Assert.IsFalse(rig.Relay.Released);
            rig.RunUntil(30499);
            Assert.IsFalse(rig.Relay.Released);
            rig.RunUntil(30500);
            Assert.IsTrue(rig.Relay.Released);
            // A new chain from 30 500: a full release time.
            rig.RunUntil(30500 + ReleaseMs - 1);
            Assert.IsTrue(rig.Relay.Released);
            rig.RunUntil(30500 + ReleaseMs);
            Assert.IsFalse(rig.Relay.Released);

            // Locked at 40 000, released 1 000 ms later: a new chain, the whole release time.
            rig.Strike.Request(LockState.Unlocked, 39000);
            rig.Strike.Request(LockState.Locked, 40000);
            rig.Strike.Request(LockState.Unlocked, 41000);
            rig.RunUntil(41000 + ReleaseMs - 1);
            Assert.IsTrue(rig.Relay.Released);
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
            Assert.AreEqual(MoveRequestResult.Cancelled, rig.Strike.Request(LockState.Locked, StrikeSettings.MaxContinuousReleaseMs + 200));
            // Now nothing waits: a second Lock truly changes nothing.
            Assert.AreEqual(MoveRequestResult.AlreadyThere, rig.Strike.Request(LockState.Locked, StrikeSettings.MaxContinuousReleaseMs + 300));

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

        /// <summary>
        /// How long the strike stays released when engagements shorter than the rest count as
        /// released (the keeper may not have latched a door): the longest such span, on the rig's clock.
        /// </summary>
        private sealed class SpanLog
        {
            private readonly Rig _rig;
            private long _spanStart = -1;
            private long _engagedAt = -1;

            public SpanLog(Rig rig)
            {
                _rig = rig;
            }

            public long LongestSpanMs { get; private set; }

            public int Spans { get; private set; }

            public void OnMoveFinished(LockState state, MotorAlarm alarm)
            {
                long now = _rig.Now;
                if (state == LockState.Unlocked)
                {
                    if (_spanStart < 0 || now - _engagedAt >= StrikeSettings.RestAfterCapMs)
                    {
                        _spanStart = now;
                        Spans++;
                    }

                    _engagedAt = -1;
                }
                else
                {
                    _engagedAt = now;
                    if (now - _spanStart > LongestSpanMs)
                    {
                        LongestSpanMs = now - _spanStart;
                    }
                }
            }

            /// <summary>The run is over: a release still on would count to now (the rig leaves none on).</summary>
            public void Close()
            {
                if (_rig.Relay.Released)
                {
                    LongestSpanMs = long.MaxValue;
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
