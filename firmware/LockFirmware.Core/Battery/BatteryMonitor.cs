namespace LockFirmware.Battery
{
    /// <summary>
    /// Tracks the charge drawn (motor moves and idle current) and classifies the battery from
    /// what every load reveals: the voltage at rest before it, the
    /// voltage and current at the end of the load (so a passivated cell has recovered), and,
    /// for the self-test, the voltage a second after. Levels have hysteresis so a warning
    /// does not flap; a suspected complete discharge (gas risk) is latched until a battery
    /// change is registered (the owner keeps the latch in flash across reboots).
    /// </summary>
    public sealed class BatteryMonitor
    {
        private readonly BatteryProfile _profile;
        private int _restMillivolts;
        private long _consumedMicroampSeconds;
        private long _idleSince;

        public BatteryMonitor(BatteryProfile profile)
        {
            _profile = profile;
            Level = BatteryLevel.NotMeasured;
        }

        public BatteryLevel Level { get; private set; }

        public GasRiskCause GasRisk { get; private set; }

        /// <summary>The last voltage measured at the end of a load (0 before any).</summary>
        public int LastLoadedMillivolts { get; private set; }

        /// <summary>Charge drawn since the battery was fitted (motor moves and idle consumption), mAh.</summary>
        public int ConsumedMilliampHours
        {
            get { return (int)(_consumedMicroampSeconds / 3600000); }
        }

        /// <summary>Counts a motor move's charge: its running current over its on-time.</summary>
        public void OnMoveCharge(int milliamps, int onTimeMs)
        {
            _consumedMicroampSeconds += (long)milliamps * onTimeMs;
        }

        /// <summary>Counts the idle consumption up to <paramref name="now"/> (clock milliseconds).</summary>
        public void AccountIdle(long now)
        {
            if (now > _idleSince)
            {
                _consumedMicroampSeconds += (long)_profile.IdleMicroamps * (now - _idleSince) / 1000;
            }

            _idleSince = now;
        }

        /// <summary>At boot: the charge counted so far, kept in flash (mAh).</summary>
        public void RestoreConsumed(int milliampHours, long now)
        {
            _consumedMicroampSeconds = (long)milliampHours * 3600000;
            _idleSince = now;
        }

        /// <summary>Pack resistance estimated from the last load, milliohms (0 when unknown).</summary>
        public int ResistanceMilliohms { get; private set; }

        /// <summary>Voltage with no load, just before a load is applied.</summary>
        public void OnRestSample(int millivolts)
        {
            _restMillivolts = millivolts;
        }

        /// <summary>Voltage and current at the end of a load; returns the resulting level.</summary>
        /// <remarks>Needs <see cref="OnRestSample"/> first for the resistance and the level at the reference load.</remarks>
        public BatteryLevel OnLoadSample(int millivolts, int milliamps)
        {
            LastLoadedMillivolts = millivolts;
            if (milliamps > 0 && _restMillivolts > millivolts)
            {
                ResistanceMilliohms = (int)((long)(_restMillivolts - millivolts) * 1000 / milliamps);
            }

            if (millivolts < _profile.DepletedBelowMillivolts)
            {
                RaiseGasRisk(GasRiskCause.OverDischarged);
            }
            else if (ResistanceMilliohms > _profile.CellReversalAboveMilliohms && millivolts < _profile.LowBelowMillivolts)
            {
                RaiseGasRisk(GasRiskCause.CellReversal);
            }

            UpdateLevel(AtReferenceLoad(millivolts, milliamps));
            return Level;
        }

        /// <summary>The voltage this pack would show under the reference load, from its rest voltage and resistance.</summary>
        private int AtReferenceLoad(int millivolts, int milliamps)
        {
            if (_restMillivolts <= 0 || milliamps <= 0)
            {
                return millivolts;
            }

            return _restMillivolts - (int)((long)ResistanceMilliohms * _profile.ReferenceLoadMilliamps / 1000);
        }

        /// <summary>Voltage a while after the load was removed: a healthy pack is back near its rest voltage.</summary>
        public BatteryLevel OnRecoverySample(int millivolts)
        {
            if (_restMillivolts - millivolts > _profile.NoRecoveryAboveMillivolts)
            {
                RaiseGasRisk(GasRiskCause.NoRecovery);
            }

            return Level;
        }

        /// <summary>At boot: a gas risk latched before the power went stays latched.</summary>
        public void RestoreGasRisk(GasRiskCause cause)
        {
            if (cause != GasRiskCause.None)
            {
                RaiseGasRisk(cause);
            }
        }

        /// <summary>A new battery was fitted (registered over BLE or found at power-up): forget the old one.</summary>
        public void OnBatteryReplaced()
        {
            _consumedMicroampSeconds = 0;
            Level = BatteryLevel.NotMeasured;
            GasRisk = GasRiskCause.None;
            ResistanceMilliohms = 0;
            LastLoadedMillivolts = 0;
        }

        private void RaiseGasRisk(GasRiskCause cause)
        {
            if (GasRisk == GasRiskCause.None && _profile.LithiumPrimary)
            {
                GasRisk = cause;
            }

            Level = BatteryLevel.Depleted;
        }

        private void UpdateLevel(int millivolts)
        {
            if (Level == BatteryLevel.Depleted)
            {
                return;
            }

            BatteryLevel raw = Classify(millivolts, 0);
            if (Level == BatteryLevel.NotMeasured || raw > Level)
            {
                // Worse news is taken at once.
                Level = raw;
            }
            else if (raw < Level)
            {
                // Better news only with margin above the limit (never worse than now).
                Level = Classify(millivolts, _profile.HysteresisMillivolts);
            }
        }

        private BatteryLevel Classify(int millivolts, int margin)
        {
            if (millivolts < _profile.CriticalBelowMillivolts + margin)
            {
                return BatteryLevel.Critical;
            }

            return millivolts < _profile.LowBelowMillivolts + margin ? BatteryLevel.Low : BatteryLevel.Good;
        }
    }
}
