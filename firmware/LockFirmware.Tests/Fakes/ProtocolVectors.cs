namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// docs/PROTOCOL.md's test vectors, copied here because a device has no repository to read.
    /// Each name is the document's; the host run checks every value against the document
    /// (host-tests/LockFirmware.DeviceTests, DeviceVectorTests), so a change there fails CI until
    /// it is copied here too.
    /// </summary>
    public static class ProtocolVectors
    {
        public const string Secret = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
        public const string Credential = "E9030000070000002A00000001011FFFA40128050082036B000F2B6BE0299BF9CE0822B7286EADFF";
        public const string CredentialKey = "E128A745307850985499CDF4DA8E93A125EAEC691715CD4D3A6E048C8AC2381A";
        public const string LockNonce = "B5A2839CE0023EB9712B8CD07E15DBC7";
        public const string PhoneNonce = "0102030405060708";
        public const string Hello = "02E9030000070000002A00000001011FFFA40128050082036B000F2B6BE0299BF9CE0822B7286EADFF0102030405060708";
        public const string HelloFragment0 = "8002E9030000070000002A00000001011FFFA401";
        public const string HelloFragment1 = "0128050082036B000F2B6BE0299BF9CE0822B728";
        public const string HelloFragment2 = "426EADFF0102030405060708";
        public const string SessionKey = "A125364C11720986EE98B9CBC72A131C57757D67E6232ED60075040CCC235458";
        public const string CommandUnlock1 = "030100026E8E5701FF0DCED5";
        public const string ResponseUnlock1Ok = "83010002000C702BA3BC580049";

        /// <summary>The vectors' lock nonce is the first session after the first boot.</summary>
        public const uint BootCount = 1;
        public const uint SessionCount = 1;

        /// <summary>The credential's fields, as the document's inputs state them.</summary>
        public const uint LockId = 1001;
        public const uint KeyId = 7;
        public const uint UserId = 42;

        /// <summary>2026-11-23T00:00:00Z (a Monday): the credential's first valid second.</summary>
        public const uint ValidFrom = 1795392000;
    }
}
