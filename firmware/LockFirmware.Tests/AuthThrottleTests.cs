using LockFirmware.Security;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The back-off after failed authentication (docs/PROTOCOL.md, "Failures, back-off and
    /// tamper"): two free failures, then 250 ms doubling to 5 s, the tamper alarm at ten.
    /// </summary>
    [TestClass]
    public class AuthThrottleTests
    {
        [TestMethod]
        public void Two_failures_in_a_row_cost_nothing()
        {
            AuthThrottle throttle = new AuthThrottle();

            throttle.Failure(1000);
            throttle.Failure(1000);

            Assert.IsFalse(throttle.IsBlocked(1000));
            Assert.AreEqual(2, throttle.ConsecutiveFailures);
        }

        [TestMethod]
        public void The_third_failure_blocks_for_250_ms_to_the_millisecond()
        {
            AuthThrottle throttle = new AuthThrottle();

            for (int i = 0; i < 3; i++)
            {
                throttle.Failure(1000);
            }

            Assert.IsTrue(throttle.IsBlocked(1000 + AuthThrottle.FirstBackOffMs - 1));
            Assert.IsFalse(throttle.IsBlocked(1000 + AuthThrottle.FirstBackOffMs));
        }

        [TestMethod]
        public void Each_further_failure_doubles_the_back_off_up_to_5_s()
        {
            AuthThrottle throttle = new AuthThrottle();
            int[] expected = { 250, 500, 1000, 2000, 4000, 5000, 5000, 5000 };
            long now = 0;
            throttle.Failure(now);
            throttle.Failure(now);

            for (int i = 0; i < expected.Length; i++)
            {
                now += 10000;
                throttle.Failure(now);
                Assert.IsTrue(throttle.IsBlocked(now + expected[i] - 1), "failure " + (i + 3) + " blocks for " + expected[i] + " ms");
                Assert.IsFalse(throttle.IsBlocked(now + expected[i]), "failure " + (i + 3) + " blocks no longer than " + expected[i] + " ms");
            }
        }

        [TestMethod]
        public void The_tenth_failure_raises_the_tamper_alarm_once()
        {
            AuthThrottle throttle = new AuthThrottle();
            int raised = 0;

            for (int i = 1; i <= 15; i++)
            {
                if (throttle.Failure(i * 10000L))
                {
                    raised++;
                    Assert.AreEqual(AuthThrottle.TamperFailures, i);
                }

                Assert.AreEqual(i >= AuthThrottle.TamperFailures, throttle.TamperAlarm);
            }

            Assert.AreEqual(1, raised);
        }

        [TestMethod]
        public void A_success_clears_the_count_the_back_off_and_the_alarm()
        {
            AuthThrottle throttle = new AuthThrottle();
            for (int i = 0; i < AuthThrottle.TamperFailures; i++)
            {
                throttle.Failure(1000);
            }

            throttle.Success();

            Assert.IsFalse(throttle.IsBlocked(1000));
            Assert.IsFalse(throttle.TamperAlarm);
            Assert.AreEqual(0, throttle.ConsecutiveFailures);
            throttle.Failure(2000);
            throttle.Failure(2000);
            Assert.IsFalse(throttle.IsBlocked(2000));
        }
    }
}
