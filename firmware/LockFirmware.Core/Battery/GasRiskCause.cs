namespace LockFirmware.Battery
{
    /// <summary>Why the battery is suspected completely discharged (gas risk). Stable codes.</summary>
    public enum GasRiskCause : byte
    {
        None = 0,
        /// <summary>Voltage under load below the cells' over-discharge limit.</summary>
        OverDischarged = 1,
        /// <summary>Resistance so high with a low voltage that a cell is at its end and would be driven into reversal.</summary>
        CellReversal = 2,
        /// <summary>The voltage did not come back after the load was removed.</summary>
        NoRecovery = 3
    }
}
