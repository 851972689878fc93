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
        /// <summary>A phone wrote a fragment to the command characteristic.</summary>
        BleWrite,
        /// <summary>A phone connected: the link's ATT payload is back to 20 bytes.</summary>
        BleConnected,
        /// <summary>The phone disconnected: its session ends; the ATT payload is back to 20 bytes.</summary>
        BleDisconnected,
        /// <summary>The ATT MTU changed; payload: the new ATT payload size (uint16).</summary>
        BleMtu,
        /// <summary>The optional door sensor saw the door open.</summary>
        DoorOpened,
        /// <summary>The optional door sensor saw the door close.</summary>
        DoorClosed,
        /// <summary>A mains-fed unit's supply sense: the building's supply is there (posted at start-up and on every change).</summary>
        MainsPresent,
        /// <summary>A mains-fed unit's supply sense: the building's supply is gone, the backup pack feeds the unit.</summary>
        MainsLost
    }
}
