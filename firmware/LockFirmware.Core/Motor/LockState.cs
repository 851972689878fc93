namespace LockFirmware.Motor
{
    /// <summary>Where the bolt is, as far as the lock can tell. Reported only when motion has finished.</summary>
    public enum LockState : byte
    {
        /// <summary>After boot, or after a move that ended without reaching an end stop.</summary>
        Unknown = 0,
        Locked = 1,
        Unlocking = 2,
        Unlocked = 3,
        Locking = 4,
        /// <summary>A move failed after its retries; only a move that reaches an end stop clears it.</summary>
        Jammed = 5
    }
}
