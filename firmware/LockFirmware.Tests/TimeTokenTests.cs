using LockFirmware.Security;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// SET_TIME through the whole lock (docs/PROTOCOL.md, "Time"): tokens judged against the
    /// high-water mark, the staff step, the installer's authority, and the refusals of a token
    /// that is not this lock's or not well formed.
    /// </summary>
    [TestClass]
    public class TimeTokenTests
    {
        private const uint Now = ProtocolVectors.TokenTime;

        [TestMethod]
        public void A_token_more_than_five_minutes_old_is_TimeRejected_and_one_within_them_is_taken()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();

            unit.Send(backend.TimeToken(Now - LockClock.ToleranceSeconds - 1, Role.Admin));
            Assert.AreEqual("851F", unit.Phone.Last);
            unit.Send(backend.TimeToken(Now - LockClock.ToleranceSeconds, Role.Staff));
            Assert.AreEqual("8500", unit.Phone.Last);
            // The lock's time stays at its high-water mark until the clock catches up.
            Assert.AreEqual(Now, unit.Core.Protocol.Clock.Now(unit.Now));
        }

        [TestMethod]
        public void A_staff_token_further_ahead_than_an_hour_needs_an_installer()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();

            unit.Send(backend.TimeToken(Now + LockClock.RunningStepSeconds + 1, Role.Staff));
            Assert.AreEqual("8522", unit.Phone.Last);
            Assert.AreEqual(Now, unit.Core.Protocol.Clock.Now(unit.Now));

            unit.Send(backend.TimeToken(Now + LockClock.RunningStepSeconds + 1, Role.Installer));
            Assert.AreEqual("8500", unit.Phone.Last);
            Assert.AreEqual(Now + LockClock.RunningStepSeconds + 1, unit.Core.Protocol.Clock.Now(unit.Now));
        }

        [TestMethod]
        public void A_token_for_another_lock_or_with_a_wrong_tag_is_BadMac_and_a_failure()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend other = new Backend(Hex.Bytes(ProtocolVectors.Secret), 2002);
            byte[] token = Backend.OfVectors().TimeToken(Now + 60, Role.Staff);
            token[21] ^= 0x01;

            unit.Send(other.TimeToken(Now + 60, Role.Staff));
            Assert.AreEqual("8511", unit.Phone.Last);
            unit.Send(token);
            Assert.AreEqual("8511", unit.Phone.Last);
            Assert.AreEqual(2, unit.Core.Protocol.Throttle.ConsecutiveFailures);
            Assert.AreEqual(Now, unit.Core.Protocol.Clock.Now(unit.Now));
        }

        [TestMethod]
        public void An_authority_outside_staff_to_admin_or_a_wrong_length_is_BadFrame()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();

            unit.Send(backend.TimeToken(Now + 60, (Role)4));
            Assert.AreEqual("8510", unit.Phone.Last);
            unit.Send(ProtocolVectors.TimeToken + "00");
            Assert.AreEqual("8510", unit.Phone.Last);
            Assert.AreEqual(0, unit.Core.Protocol.Throttle.ConsecutiveFailures);
        }

        [TestMethod]
        public void An_accepted_token_is_in_flash_before_the_answer_so_old_tokens_stay_refused_after_a_cut()
        {
            TestLock unit = TestLock.PairedWithTime();
            Backend backend = Backend.OfVectors();
            unit.Send(backend.TimeToken(Now + 3000, Role.Staff));
            Assert.AreEqual("8500", unit.Phone.Last);

            TestLock rebooted = unit.Reboot();

            Assert.AreEqual(Now + 3000, rebooted.Core.Protocol.Clock.HighWater);
            rebooted.Send(ProtocolVectors.TimeToken);
            Assert.AreEqual("851F", rebooted.Phone.Last);
            Assert.IsFalse(rebooted.Core.Protocol.Clock.IsKnown);
        }

        [TestMethod]
        public void While_the_lock_backs_off_even_a_genuine_token_is_refused_unchecked()
        {
            TestLock unit = TestLock.PairedWithTime();
            byte[] forged = Backend.OfVectors().TimeToken(Now + 60, Role.Staff);
            forged[12] ^= 0x01;
            for (int i = 0; i < AuthThrottle.FreeFailures + 1; i++)
            {
                unit.Send(forged);
            }

            unit.Send(Backend.OfVectors().TimeToken(Now + 60, Role.Staff));
            Assert.AreEqual("851B", unit.Phone.Last);
            Assert.AreEqual(Now, unit.Core.Protocol.Clock.Now(unit.Now));

            unit.RunFor(AuthThrottle.FirstBackOffMs);
            unit.Send(Backend.OfVectors().TimeToken(Now + 60, Role.Staff));
            Assert.AreEqual("8500", unit.Phone.Last);
        }

        [TestMethod]
        public void A_token_on_an_unpaired_unit_is_NotPaired()
        {
            TestLock unit = TestLock.Blank();

            unit.Send(ProtocolVectors.TimeToken);

            Assert.AreEqual("8515", unit.Phone.Last);
        }
    }
}
