namespace LockFirmware.Events
{
    /// <summary>What happened outside the lock logic.</summary>
    public enum InputKind
    {
        None,
        /// <summary>The push button's contact closed (an edge; may bounce).</summary>
        ButtonDown,
        /// <summary>The push button's contact opened (an edge; may bounce).</summary>
        ButtonUp,
        /// <summary>A phone wrote bytes to the command characteristic.</summary>
        BleWrite
    }
}
