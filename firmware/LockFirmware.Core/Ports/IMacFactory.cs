namespace LockFirmware.Ports
{
    /// <summary>
    /// HMAC-SHA256 under a key (nanoFramework accelerates it natively). Keys are handed to
    /// the factory once and kept inside the returned object, so the hot path (a command's
    /// MAC under its session key) reuses one keyed instance.
    /// </summary>
    public interface IMacFactory
    {
        IKeyedMac Create(byte[] key, int offset, int count);
    }
}
