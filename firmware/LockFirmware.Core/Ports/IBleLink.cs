using LockFirmware.Ble;

namespace LockFirmware.Ports
{
    /// <summary>
    /// Outgoing half of the BLE link: notifications, advertising and dropping the connected
    /// phone. Incoming writes, connections, disconnections and MTU changes reach the core as
    /// input events instead (see InputQueue), because the BLE stack must not wait for the lock
    /// logic. The link holds one connection at a time and does not advertise while it is held
    /// (NimBLE stops advertising on connect; nanoFramework restarts it on disconnect).
    /// </summary>
    public interface IBleLink
    {
        /// <summary>Sends one notification; the link copies the bytes before returning.</summary>
        void Notify(byte[] buffer, int offset, int count);

        /// <summary>
        /// Puts these packets on air (copied before returning). The core calls it only while no
        /// phone is connected, because on nanoFramework it restarts the whole BLE stack.
        /// </summary>
        void Advertise(LegacyAdvertisement packets);

        /// <summary>Drops the connected phone, if any; the link then reports BleDisconnected.</summary>
        void Disconnect();
    }
}
