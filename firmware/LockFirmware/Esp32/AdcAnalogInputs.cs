using System.Device.Adc;
using LockFirmware.Ports;

namespace LockFirmware.Device.Esp32
{
    /// <summary>Battery divider and motor current amplifier on two ADC1 channels, scaled to mV and mA.</summary>
    public sealed class AdcAnalogInputs : IAnalogInputs
    {
        private readonly AdcChannel _battery;
        private readonly AdcChannel _current;
        private readonly int _maxValue;
        private readonly int _fullScaleMillivolts;
        private readonly int _dividerRatio;
        private readonly int _millivoltsPerAmp;
        private readonly FrontEndPower _power;

        /// <param name="power">The switch of the divider and amplifier, or null where they are always powered (bench boards).</param>
        public AdcAnalogInputs(AdcController adc, int batteryChannel, int dividerRatio, int currentChannel, int millivoltsPerAmp, int fullScaleMillivolts, FrontEndPower power)
        {
            _power = power;
            _battery = adc.OpenChannel(batteryChannel);
            _current = adc.OpenChannel(currentChannel);
            _maxValue = adc.MaxValue;
            _fullScaleMillivolts = fullScaleMillivolts;
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
