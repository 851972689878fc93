namespace LockFirmware.Ports
{
    /// <summary>
    /// HMAC-SHA256 keyed with the lock's secret. The key stays inside the implementation
    /// (on the device the native HMACSHA256), so no lock logic ever holds it.
    /// </summary>
    public interface IMessageAuthenticator
    {
        /// <summary>Writes the 32-byte HMAC of data[offset..offset+count) into mac at macOffset.</summary>
        void ComputeMac(byte[] data, int offset, int count, byte[] mac, int macOffset);
    }
}
