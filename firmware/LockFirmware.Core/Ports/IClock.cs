namespace LockFirmware.Ports
{
    /// <summary>
    /// The only source of time for the lock logic: milliseconds since boot, never going
    /// backwards. On the device it is the system tick; in the simulator, virtual time.
    /// </summary>
    public interface IClock
    {
        long NowMilliseconds { get; }
    }
}
