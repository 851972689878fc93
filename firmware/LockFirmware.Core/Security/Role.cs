namespace LockFirmware.Security
{
    /// <summary>Roles a credential can carry; each includes the rights of the ones below it.</summary>
    public enum Role : byte
    {
        Staff = 1,
        Installer = 2,
        Admin = 3
    }
}
