namespace LockFirmware.Battery
{
    /// <summary>
    /// Limits of one battery pack, in millivolts and milliohms. The figures for the pack and
    /// where they come from are in hardware/batteries/ (the board definition fills them in).
    /// </summary>
    public sealed class BatteryProfile
    {
        /// <summary>
        /// The pack fitted: lithium primary cells by default (the door unit's Li-SOCl2 2S pack,
        /// hardware/batteries/li-socl2-2s.md), or a mains-fed port unit's rechargeable backup.
        /// </summary>
        public PackType Pack = PackType.LithiumThionylChloride;

        /// <summary>
        /// The pack is lithium primary cells: a cell driven to complete discharge or reversed
        /// can build up gas, so those conditions latch a gas risk. False for a rechargeable
        /// backup, which such a discharge only leaves flat: the level still reads Depleted, but
        /// no gas risk is raised.
        /// </summary>
        public bool LithiumPrimary
        {
            get { return Pack == PackType.LithiumThionylChloride; }
        }

        /// <summary>
        /// The levels below are voltages under this load current (the self-test load's, from
        /// a fresh pack). A heavier load, such as the motor, is converted to it with the pack
        /// resistance it reveals, so the level does not depend on which load measured it.
        /// </summary>
        public int ReferenceLoadMilliamps = 150;

        /// <summary>Under the reference load at or above this the pack is Good.</summary>
        public int LowBelowMillivolts = 6400;

        /// <summary>Under the reference load below this the pack is Critical.</summary>
        public int CriticalBelowMillivolts = 5600;

        /// <summary>Under any load below this the pack is over-discharged: 2.0 V per cell, the cells' cut-off.</summary>
        public int DepletedBelowMillivolts = 4000;

        /// <summary>A better class is taken only this far above its limit, so a level near a limit does not flap.</summary>
        public int HysteresisMillivolts = 150;

        /// <summary>
        /// Pack resistance (from the sag under a known load) above which, together with a
        /// voltage under the Low limit, a cell is at its end and the others would drive it into
        /// reversal: about eighteen times a fresh pack's (a pack merely low on both cells,
        /// polarisation included, stays under it).
        /// </summary>
        public int CellReversalAboveMilliohms = 5500;

        /// <summary>One second after the load, a voltage still this far below the one before it has not recovered.</summary>
        public int NoRecoveryAboveMillivolts = 250;

        /// <summary>
        /// The unit's average pack current at rest (chip floor, advertising, regulator, front end),
        /// microamps: the board definition sets its image's figure from <see cref="IdleCurrent"/>.
        /// The default is the reference unit's: the production board on the low-power image.
        /// </summary>
        public int IdleMicroamps = IdleCurrent.LowPowerC3Microamps;

        /// <summary>The board's self-test load resistor, so the firmware knows the test current.</summary>
        public int TestLoadOhms = 47;
    }
}
