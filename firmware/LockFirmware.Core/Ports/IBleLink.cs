namespace LockFirmware.Ports
{
    /// <summary>
    /// Outgoing half of the BLE link: notifications on the response/event characteristic.
    /// Incoming writes reach the core as input events instead (see InputQueue), because
    /// the BLE stack must not wait for the lock logic.
    /// </summary>
    public interface IBleLink
    {
        /// <summary>Sends one notification; the link copies the bytes before returning.</summary>
        void Notify(byte[] buffer, int offset, int count);
    }
}
