using System.Device.Adc;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>
    /// Battery divider and motor current amplifier on two ADC1 channels, scaled to mV and mA.
    /// nanoFramework reads the ESP32 ADC raw and uncalibrated (nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.Adc: adc_oneshot_read, 12 bit, ADC_ATTEN_DB_12, no
    /// adc_cali), so the scale is the chip's full scale at that attenuation (the board's) times
    /// this unit's calibration factor, measured at production against a reference voltage.
    /// </summary>
    public sealed class AdcAnalogInputs : IAnalogInputs
    {
        private readonly AdcChannel _battery;
        private readonly AdcChannel _current;
        private readonly int _maxValue;
        private readonly int _fullScaleMillivolts;
        private readonly int _dividerRatio;
        private readonly int _millivoltsPerAmp;
        private readonly FrontEndPower _power;

        /// <param name="calibration">True voltage over the voltage the uncalibrated scale reads, for this unit (1.0 until measured).</param>
        /// <param name="power">The switch of the divider and amplifier, or null where they are always powered (bench boards).</param>
        public AdcAnalogInputs(AdcController adc, int batteryChannel, int dividerRatio, int currentChannel, int millivoltsPerAmp, int fullScaleMillivolts, double calibration = 1.0, FrontEndPower power = null)
        {
            _power = power;
            _battery = adc.OpenChannel(batteryChannel);
            _current = adc.OpenChannel(currentChannel);
            _maxValue = adc.MaxValue;
            // Folded into the scale once, so every reading stays integer arithmetic.
            _fullScaleMillivolts = (int)(fullScaleMillivolts * calibration + 0.5);
            _dividerRatio = dividerRatio;
            _millivoltsPerAmp = millivoltsPerAmp;
        }

        public int ReadBatteryMillivolts()
        {
            if (_power == null)
            {
                return ToMillivolts(_battery.ReadValue()) * _dividerRatio;
            }

            _power.Hold();
            int millivolts = ToMillivolts(_battery.ReadValue()) * _dividerRatio;
            _power.Release();
            return millivolts;
        }

        public int ReadMotorMilliamps()
        {
            return ToMillivolts(_current.ReadValue()) * 1000 / _millivoltsPerAmp;
        }

        private int ToMillivolts(int raw)
        {
            return raw * _fullScaleMillivolts / _maxValue;
        }
    }
}
