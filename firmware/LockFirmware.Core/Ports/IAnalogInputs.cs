namespace LockFirmware.Ports
{
    /// <summary>
    /// The board's analog measurements, already scaled to physical units by the adapter
    /// (divider ratios and shunt values belong to the board, not to the lock logic).
    /// </summary>
    public interface IAnalogInputs
    {
        /// <summary>Battery terminal voltage in millivolts, at this instant.</summary>
        int ReadBatteryMillivolts();

        /// <summary>Motor current in milliamps, at this instant (0 when the bridge is off).</summary>
        int ReadMotorMilliamps();
    }
}
