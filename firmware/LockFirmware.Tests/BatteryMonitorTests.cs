using LockFirmware.Battery;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>Battery classes, their hysteresis, and each reason to suspect a complete discharge.</summary>
    [TestClass]
    public class BatteryMonitorTests
    {
        /// <summary>Sag under the reference load (150 mA) in Load(): a 2 Ω pack, well under the cell-reversal resistance.</summary>
        private const int HealthySagMillivolts = 300;

        [TestMethod]
        public void Nothing_is_known_before_a_load()
        {
            BatteryMonitor monitor = new BatteryMonitor(new BatteryProfile());

            Assert.AreEqual(BatteryLevel.NotMeasured, monitor.Level);
            Assert.AreEqual(GasRiskCause.None, monitor.GasRisk);
        }

        [TestMethod]
        public void Levels_follow_the_profile_limits_under_the_reference_load()
        {
            Assert.AreEqual(BatteryLevel.Good, Load(Fresh(), 6400));
            Assert.AreEqual(BatteryLevel.Low, Load(Fresh(), 6399));
            Assert.AreEqual(BatteryLevel.Low, Load(Fresh(), 5600));
            Assert.AreEqual(BatteryLevel.Critical, Load(Fresh(), 5599));
        }

        [TestMethod]
        public void A_heavier_load_is_judged_as_if_it_were_the_reference_load()
        {
            BatteryMonitor monitor = Fresh();
            monitor.OnRestSample(7000);

            // The motor pulls 1 A and sags a 2 Ω pack to 5.0 V; at 150 mA it would show 6.7 V.
            Assert.AreEqual(BatteryLevel.Good, monitor.OnLoadSample(5000, 1000));
            Assert.AreEqual(2000, monitor.ResistanceMilliohms);
            Assert.AreEqual(5000, monitor.LastLoadedMillivolts);
        }

        [TestMethod]
        public void Worse_news_is_taken_at_once()
        {
            BatteryMonitor monitor = Fresh();
            Load(monitor, 6700);

            Assert.AreEqual(BatteryLevel.Low, Load(monitor, 6350));
            Assert.AreEqual(BatteryLevel.Critical, Load(monitor, 5550));
        }

        [TestMethod]
        public void Better_news_needs_the_hysteresis_margin_above_the_limit()
        {
            BatteryMonitor monitor = Fresh();
            Load(monitor, 5500);

            Assert.AreEqual(BatteryLevel.Critical, Load(monitor, 5700));
            Assert.AreEqual(BatteryLevel.Low, Load(monitor, 5750));
            Assert.AreEqual(BatteryLevel.Low, Load(monitor, 6500));
            Assert.AreEqual(BatteryLevel.Good, Load(monitor, 6550));
        }

        [TestMethod]
        public void A_voltage_under_the_cut_off_is_an_over_discharge()
        {
            BatteryMonitor monitor = Fresh();

            Assert.AreEqual(BatteryLevel.Depleted, Load(monitor, 3999));
            Assert.AreEqual(GasRiskCause.OverDischarged, monitor.GasRisk);
        }

        [TestMethod]
        public void A_high_resistance_with_a_low_voltage_is_a_cell_reversal()
        {
            BatteryMonitor monitor = Fresh();
            monitor.OnRestSample(7000);

            // 1 V of sag at 150 mA: about 6.7 Ω, above the profile's 5.5 Ω, and under the Low limit.
            Assert.AreEqual(BatteryLevel.Depleted, monitor.OnLoadSample(6000, 150));
            Assert.AreEqual(GasRiskCause.CellReversal, monitor.GasRisk);
        }

        [TestMethod]
        public void A_rechargeable_backup_pack_driven_flat_or_reversed_reads_Depleted_without_a_gas_risk()
        {
            BatteryProfile profile = new BatteryProfile();
            profile.Pack = PackType.NickelMetalHydride;
            BatteryMonitor flat = new BatteryMonitor(profile);
            BatteryMonitor reversed = new BatteryMonitor(profile);
            reversed.OnRestSample(7000);

            Assert.AreEqual(BatteryLevel.Depleted, flat.OnLoadSample(3999, 150));
            Assert.AreEqual(BatteryLevel.Depleted, reversed.OnLoadSample(6000, 150));
            flat.RestoreGasRisk(GasRiskCause.OverDischarged);

            Assert.AreEqual(GasRiskCause.None, flat.GasRisk);
            Assert.AreEqual(GasRiskCause.None, reversed.GasRisk);
        }

        [TestMethod]
        public void A_high_resistance_alone_is_no_gas_risk()
        {
            BatteryMonitor monitor = Fresh();
            monitor.OnRestSample(7500);

            Assert.AreEqual(BatteryLevel.Good, monitor.OnLoadSample(6500, 150));
            Assert.AreEqual(GasRiskCause.None, monitor.GasRisk);
        }

        [TestMethod]
        public void A_voltage_that_does_not_come_back_after_the_load_is_no_recovery()
        {
            // Load() leaves 7000 mV as the rest voltage; the profile allows 250 mV short of it.
            BatteryMonitor recovered = Fresh();
            Load(recovered, 7000 - HealthySagMillivolts);
            Assert.AreEqual(BatteryLevel.Good, recovered.OnRecoverySample(6750));
            Assert.AreEqual(GasRiskCause.None, recovered.GasRisk);

            BatteryMonitor stuck = Fresh();
            Load(stuck, 7000 - HealthySagMillivolts);
            Assert.AreEqual(BatteryLevel.Depleted, stuck.OnRecoverySample(6749));
            Assert.AreEqual(GasRiskCause.NoRecovery, stuck.GasRisk);
        }

        [TestMethod]
        public void A_gas_risk_stays_latched_with_its_first_cause()
        {
            BatteryMonitor monitor = Fresh();
            monitor.OnRestSample(7000);
            monitor.OnLoadSample(6000, 150);

            Assert.AreEqual(BatteryLevel.Depleted, Load(monitor, 6700));
            Assert.AreEqual(BatteryLevel.Depleted, Load(monitor, 3900));
            Assert.AreEqual(GasRiskCause.CellReversal, monitor.GasRisk);
        }

        [TestMethod]
        public void A_gas_risk_restored_at_boot_is_latched_again()
        {
            BatteryMonitor monitor = Fresh();
            monitor.RestoreGasRisk(GasRiskCause.None);
            Assert.AreEqual(BatteryLevel.NotMeasured, monitor.Level);

            monitor.RestoreGasRisk(GasRiskCause.NoRecovery);
            Assert.AreEqual(BatteryLevel.Depleted, monitor.Level);
            Assert.AreEqual(GasRiskCause.NoRecovery, monitor.GasRisk);
        }

        [TestMethod]
        public void A_battery_change_forgets_the_old_pack()
        {
            BatteryMonitor monitor = Fresh();
            Load(monitor, 3900);

            monitor.OnBatteryReplaced();

            Assert.AreEqual(BatteryLevel.NotMeasured, monitor.Level);
            Assert.AreEqual(GasRiskCause.None, monitor.GasRisk);
            Assert.AreEqual(0, monitor.ResistanceMilliohms);
            Assert.AreEqual(0, monitor.LastLoadedMillivolts);
            Assert.AreEqual(BatteryLevel.Good, Load(monitor, 6700));
        }

        private static BatteryMonitor Fresh()
        {
            return new BatteryMonitor(new BatteryProfile());
        }

        /// <summary>A load at the reference current showing <paramref name="loadedMillivolts"/>, so the level is judged at exactly that voltage.</summary>
        private static BatteryLevel Load(BatteryMonitor monitor, int loadedMillivolts)
        {
            monitor.OnRestSample(loadedMillivolts + HealthySagMillivolts);
            return monitor.OnLoadSample(loadedMillivolts, new BatteryProfile().ReferenceLoadMilliamps);
        }
    }
}
