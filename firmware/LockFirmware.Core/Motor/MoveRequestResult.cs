namespace LockFirmware.Motor
{
    /// <summary>What a lock or unlock request did. Stable codes (they map to BLE result codes).</summary>
    public enum MoveRequestResult : byte
    {
        /// <summary>The motor started (or reversed) towards the requested end.</summary>
        Started,
        /// <summary>The bolt is already at the requested end: a no-op success.</summary>
        AlreadyThere,
        /// <summary>A move towards the same end is under way: acknowledged, no second move.</summary>
        AlreadyMoving,
        /// <summary>A port unit's strike was already released: its release time starts again from now (Strike.StrikeController).</summary>
        Restarted,
        /// <summary>A port unit's Lock dropped a release waiting for the strike's rest: nothing moved, but the unlock will not happen.</summary>
        Cancelled
    }
}
