namespace LockFirmware.Status
{
    /// <summary>
    /// The one status byte a phone sees before connecting (advertising service data and the
    /// status characteristic): the warning bits of <see cref="Warnings"/> plus whether the
    /// unit is paired (docs/PROTOCOL.md, "GATT service").
    /// </summary>
    public static class AdvertisedFlags
    {
        public const int Paired = 0x40;

        public static byte Of(int warnings, bool paired)
        {
            return (byte)((warnings & 0x3F) | (paired ? Paired : 0));
        }
    }
}
