using LockFirmware.Battery;
using LockFirmware.Time;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// A mains-fed unit's supply as its sense input shows it: the first report counts at once, a
    /// change only once it has held for the settle time, a flicker not at all; a door unit is
    /// never mains-fed and always runs on its pack.
    /// </summary>
    [TestClass]
    public class MainsSupplyTests
    {
        [TestMethod]
        public void Until_the_first_report_a_mains_fed_unit_runs_on_its_pack_and_a_first_report_of_loss_counts_at_once()
        {
            MainsSupply present = new MainsSupply(true, new Timers());
            MainsSupply lost = new MainsSupply(true, new Timers());
            Assert.IsTrue(present.OnBattery);
            Assert.IsFalse(present.Lost);

            Assert.IsFalse(present.OnSense(true, 100));
            Assert.IsTrue(lost.OnSense(false, 100));

            Assert.IsFalse(present.OnBattery);
            Assert.IsTrue(lost.OnBattery);
            Assert.IsTrue(lost.Lost);
        }

        [TestMethod]
        public void A_change_counts_once_it_has_held_for_the_settle_time_and_a_flicker_not_at_all()
        {
            Timers timers = new Timers();
            MainsSupply mains = new MainsSupply(true, timers);
            mains.OnSense(true, 0);

            Assert.IsFalse(mains.OnSense(false, 1000));
            Assert.IsFalse(mains.OnSense(true, 1500));
            Assert.IsFalse(timers.IsArmed(TimerId.MainsSettle));
            Assert.IsFalse(mains.OnBattery);

            Assert.IsFalse(mains.OnSense(false, 2000));
            TimerId due;
            Assert.IsFalse(timers.TakeDue(2000 + MainsSupply.SettleMs - 1, out due));
            Assert.IsTrue(timers.TakeDue(2000 + MainsSupply.SettleMs, out due));
            Assert.AreEqual((int)TimerId.MainsSettle, (int)due);
            Assert.IsTrue(mains.OnSettled(2000 + MainsSupply.SettleMs));
            Assert.IsTrue(mains.Lost);

            mains.OnSense(true, 60000);
            Assert.IsTrue(mains.OnSettled(60000 + MainsSupply.SettleMs));
            Assert.IsFalse(mains.Lost);
            Assert.AreEqual(60u, mains.LostForSeconds(60000 + MainsSupply.SettleMs));
        }

        [TestMethod]
        public void A_door_unit_is_never_mains_fed_and_always_on_its_pack()
        {
            Timers timers = new Timers();
            MainsSupply mains = new MainsSupply(false, timers);

            Assert.IsFalse(mains.OnSense(false, 0));
            Assert.IsFalse(mains.OnSense(true, 10));

            Assert.IsTrue(mains.OnBattery);
            Assert.IsFalse(mains.Lost);
            Assert.IsFalse(timers.IsArmed(TimerId.MainsSettle));
        }
    }
}
