using LockFirmware.Battery;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>The routine after a battery change: five locks and five unlocks on a healthy battery.</summary>
    [TestClass]
    public class BatteryVerificationTests
    {
        [TestMethod]
        public void Five_locks_and_five_unlocks_verify_a_new_battery()
        {
            BatteryVerification verification = new BatteryVerification();
            verification.Start();

            for (int i = 0; i < BatteryVerification.RequiredCycles; i++)
            {
                verification.OnCycle(true, BatteryLevel.Good);
            }

            for (int i = 0; i < BatteryVerification.RequiredCycles - 1; i++)
            {
                verification.OnCycle(false, BatteryLevel.Good);
            }

            Assert.IsFalse(verification.IsVerified);
            verification.OnCycle(false, BatteryLevel.Good);
            Assert.IsTrue(verification.IsVerified);
            Assert.AreEqual(5, verification.HealthyLocks);
            Assert.AreEqual(5, verification.HealthyUnlocks);
        }

        [TestMethod]
        public void Locks_alone_never_verify()
        {
            BatteryVerification verification = new BatteryVerification();
            verification.Start();

            for (int i = 0; i < 2 * BatteryVerification.RequiredCycles; i++)
            {
                verification.OnCycle(true, BatteryLevel.Good);
            }

            Assert.IsFalse(verification.IsVerified);
            Assert.AreEqual(10, verification.HealthyLocks);
            Assert.AreEqual(0, verification.HealthyUnlocks);
        }

        [TestMethod]
        public void Cycles_on_a_critical_or_depleted_battery_do_not_count()
        {
            BatteryVerification verification = new BatteryVerification();
            verification.Start();

            verification.OnCycle(true, BatteryLevel.Critical);
            verification.OnCycle(false, BatteryLevel.Depleted);
            Assert.AreEqual(0, verification.HealthyLocks);
            Assert.AreEqual(0, verification.HealthyUnlocks);

            // Low may still be changed as normal: its cycles count.
            verification.OnCycle(true, BatteryLevel.Low);
            Assert.AreEqual(1, verification.HealthyLocks);
        }

        [TestMethod]
        public void Progress_restored_at_boot_carries_on()
        {
            BatteryVerification verification = new BatteryVerification();
            verification.Restore(false, 4, 5);

            verification.OnCycle(true, BatteryLevel.Good);

            Assert.IsTrue(verification.IsVerified);
        }

        [TestMethod]
        public void A_new_battery_change_starts_over()
        {
            BatteryVerification verification = new BatteryVerification();
            verification.Restore(true, 5, 5);

            verification.Start();

            Assert.IsFalse(verification.IsVerified);
            Assert.AreEqual(0, verification.HealthyLocks);
            Assert.AreEqual(0, verification.HealthyUnlocks);
        }
    }
}
