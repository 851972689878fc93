using LockFirmware.Ble;
using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>A BLE link that counts what the lock asked of it and keeps the last status advertised.</summary>
    public sealed class RecordingBleLink : IBleLink
    {
        public int Notifications;
        public int Advertisements;
        public int Disconnects;
        public int LastAdvertisementLength;

        public void Notify(byte[] buffer, int offset, int count)
        {
            Notifications++;
        }

        public void Advertise(LegacyAdvertisement packets)
        {
            Advertisements++;
            LastAdvertisementLength = packets.AdvertisementLength;
        }

        public void Disconnect()
        {
            Disconnects++;
        }
    }
}
