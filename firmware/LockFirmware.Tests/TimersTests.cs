using LockFirmware.Time;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The core's one-shot deadlines, which the dispatcher sleeps until.</summary>
    [TestClass]
    public class TimersTests
    {
        [TestMethod]
        public void Nothing_is_due_before_a_timer_is_started()
        {
            Timers timers = new Timers();
            TimerId id;

            Assert.AreEqual(Timers.Never, timers.NextDue);
            Assert.IsFalse(timers.IsArmed(TimerId.MotorStep));
            Assert.IsFalse(timers.TakeDue(long.MaxValue - 1, out id));
        }

        [TestMethod]
        public void Due_timers_come_out_earliest_first_and_disarmed()
        {
            Timers timers = new Timers();
            timers.Start(TimerId.MotorStep, 300);
            timers.Start(TimerId.SelfTestStep, 100);
            timers.Start(TimerId.ButtonDebounce, 200);
            TimerId id;

            Assert.AreEqual(100L, timers.NextDue);
            Assert.IsFalse(timers.TakeDue(99, out id));

            Assert.IsTrue(timers.TakeDue(1000, out id));
            Assert.AreEqual(TimerId.SelfTestStep, id);
            Assert.IsTrue(timers.TakeDue(1000, out id));
            Assert.AreEqual(TimerId.ButtonDebounce, id);
            Assert.IsTrue(timers.TakeDue(1000, out id));
            Assert.AreEqual(TimerId.MotorStep, id);
            Assert.IsFalse(timers.TakeDue(1000, out id));
            Assert.AreEqual(Timers.Never, timers.NextDue);
        }

        [TestMethod]
        public void A_restart_replaces_the_deadline()
        {
            Timers timers = new Timers();
            timers.Start(TimerId.MotorStep, 100);
            timers.Start(TimerId.MotorStep, 500);

            Assert.AreEqual(500L, timers.NextDue);
        }

        [TestMethod]
        public void A_cancelled_timer_never_fires()
        {
            Timers timers = new Timers();
            timers.Start(TimerId.SelfTestStep, 100);
            timers.Cancel(TimerId.SelfTestStep);
            TimerId id;

            Assert.IsFalse(timers.IsArmed(TimerId.SelfTestStep));
            Assert.AreEqual(Timers.Never, timers.NextDue);
            Assert.IsFalse(timers.TakeDue(1000, out id));
        }
    }
}
