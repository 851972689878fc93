namespace LockFirmware.Ports
{
    /// <summary>
    /// The board's switched test load across the battery, used by the self-test to
    /// measure the battery under a known load without moving the bolt.
    /// </summary>
    public interface IBatteryLoad
    {
        void Apply(bool on);
    }
}
