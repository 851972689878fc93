namespace LockFirmware.Ble
{
    public enum AssemblyResult
    {
        /// <summary>More fragments are expected.</summary>
        Pending,
        /// <summary>A whole message is ready.</summary>
        Complete,
        OutOfOrder,
        TooLong,
        Malformed
    }
}
