namespace LockFirmware.Device.Boards
{
    /// <summary>
    /// One bench-wireable board: its pins, ADC scaling and the lock settings its motor and
    /// battery call for. The wiring tables and datasheet sources are in hardware/boards/.
    /// </summary>
    public sealed class Board
    {
        public string Name;

        /// <summary>H-bridge inputs (DRV8833 AIN1/AIN2).</summary>
        public int MotorIn1Pin;
        public int MotorIn2Pin;

        /// <summary>The bridge inputs are PWM-capable (LEDC on both ESP32 modules): soft start is used.</summary>
        public bool MotorPwm;

        /// <summary>ADC1 channel of the battery divider and its ratio (battery volts per ADC volt).</summary>
        public int BatteryAdcChannel;
        public int BatteryDividerRatio;

        /// <summary>ADC1 channel of the motor current amplifier and its gain in millivolts per amp.</summary>
        public int MotorCurrentAdcChannel;
        public int MotorCurrentMillivoltsPerAmp;

        /// <summary>
        /// ADC input voltage at the converter's full scale, per chip, at the 12 dB attenuation
        /// nanoFramework uses (uncalibrated; a unit's calibration factor corrects its Vref).
        /// </summary>
        public int AdcFullScaleMillivolts;

        /// <summary>Push button to ground, with the internal pull-up.</summary>
        public int ButtonPin;

        public int GreenLedPin;
        public int RedLedPin;

        /// <summary>
        /// A port unit's strike relay driver (GpioStrikeRelay); -1 on a door unit. A port unit has
        /// no motor bridge, and the pin is the one the bridge's IN1 would take: no strapping or
        /// USB pin, no pulse at boot (hardware/boards/port-unit.md).
        /// </summary>
        public int StrikeRelayPin = -1;

        /// <summary>Gate of the MOSFET that switches the self-test load resistor across the battery.</summary>
        public int TestLoadPin;

        /// <summary>Switch of the divider, amplifier and bridge (production board); -1 where they are always powered.</summary>
        public int FrontEndEnablePin = -1;

        /// <summary>Reed switch to ground, closed by the door's magnet; -1 when the board has no door sensor.
        /// Never a strapping pin that the normal boot reads: a closed door at reset would change how the chip boots.</summary>
        public int DoorSensorPin = -1;

        /// <summary>
        /// A mains-fed unit's supply sense: the open collector of an optocoupler lit by the
        /// building's supply, to ground, with the pull-up (low = mains present; a broken wire reads
        /// as lost). -1 on a door unit. hardware/boards/port-unit.md, "Power".
        /// </summary>
        public int MainsSensePin = -1;

        public LockSettings Settings;
    }
}
