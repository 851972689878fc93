namespace LockFirmware.Battery
{
    /// <summary>
    /// The chemistry of the unit's pack, part of its configuration (BatteryProfile.Pack). It
    /// decides whether the gas-risk rules apply: only to lithium primary cells
    /// (hardware/boards/port-unit.md, "The gas-risk rules follow the pack type", names the sources).
    /// </summary>
    public enum PackType : byte
    {
        /// <summary>Lithium thionyl chloride primary cells (the door unit's 2S pack): a completely discharged or reversed cell may build up gas; the gas-risk rules apply.</summary>
        LithiumThionylChloride = 0,

        /// <summary>A rechargeable lithium iron phosphate backup kept charged from the mains: over-discharge leaves it flat, not a gas risk.</summary>
        LithiumIronPhosphate = 1,

        /// <summary>A rechargeable nickel-metal hydride backup kept charged from the mains: as above.</summary>
        NickelMetalHydride = 2
    }
}
