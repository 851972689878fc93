namespace LockFirmware.Status
{
    /// <summary>
    /// The one status byte a phone sees before connecting (advertising manufacturer data and the
    /// status characteristic): the warning bits 0x01-0x20 of <see cref="Warnings"/>, whether the
    /// unit is paired, and whether a mains-fed unit runs on its backup pack (docs/PROTOCOL.md,
    /// "Advertising"). The byte has no room for the rest (MemoryReset, BackupLow): a phone reads
    /// them with the Status command.
    /// </summary>
    public static class AdvertisedFlags
    {
        public const int Paired = 0x40;

        /// <summary>
        /// A port or laundry unit has lost the building's supply (<see cref="Warnings.MainsLost"/>):
        /// a passing phone sees that the entrance runs on its backup before the back office hears it.
        /// </summary>
        public const int MainsLost = 0x80;

        public static byte Of(int warnings, bool paired)
        {
            int flags = (warnings & 0x3F) | (paired ? Paired : 0);
            if ((warnings & Warnings.MainsLost) != 0)
            {
                flags |= MainsLost;
            }

            return (byte)flags;
        }
    }
}
