using LockFirmware.Ports;

namespace LockFirmware.Tests.Crypto
{
    /// <summary>
    /// The message-authentication port for the device tests: managed HMAC-SHA256, so tests of the
    /// protocol's MACs run on the virtual device and the desktop, where nanoFramework's native
    /// HMACSHA256 is missing, as well as on a board.
    /// </summary>
    public sealed class ManagedMacFactory : IMacFactory
    {
        public IKeyedMac Create(byte[] key, int offset, int count)
        {
            return new ManagedHmacSha256(key, offset, count);
        }
    }
}
