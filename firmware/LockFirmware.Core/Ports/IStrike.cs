namespace LockFirmware.Ports
{
    /// <summary>
    /// The relay or MOSFET that powers the electric strike (or door opener) of a port unit.
    /// The strike is fail-secure: unpowered, its keeper holds the door's latch, so a unit
    /// without power, or restarting, keeps the entrance shut.
    /// </summary>
    public interface IStrike
    {
        /// <summary>True: the coil is powered and the door can be pushed open; false: the keeper holds the latch.</summary>
        void Release(bool released);
    }
}
