namespace LockFirmware.Ports
{
    /// <summary>HMAC-SHA256 under one key.</summary>
    public interface IKeyedMac
    {
        /// <summary>Writes the 32-byte MAC of data[offset..offset+count) into mac at macOffset.</summary>
        void Compute(byte[] data, int offset, int count, byte[] mac, int macOffset);
    }
}
