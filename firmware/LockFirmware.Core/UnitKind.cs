namespace LockFirmware
{
    /// <summary>
    /// Which kind of unit the image was built for (DOMAIN.md: door lock, port lock,
    /// laundry-room lock). Stable codes: the status reports them.
    /// </summary>
    public enum UnitKind : byte
    {
        /// <summary>The customer's own door: a thumb-turn motor.</summary>
        Door = 0,

        /// <summary>A building's shared entrance: an electric strike or door opener through a relay.</summary>
        Port = 1,

        /// <summary>The building's laundry room: the same strike actuator as a port unit.</summary>
        Laundry = 2
    }
}
