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
        public const string ResponseUnlock1Replayed = "8301000212A4C77F246DDF75C0";
        public const string EventUnlocked1 = "C00103000101008EAC9F0A18A13F92";
        public const string TimeToken = "0570E4036BE90300000154B98C08EFA0462F5B90FF7C";
        public const string FactoryKey = "404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F";
        public const string Provision = "064C4B303030303432404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5FA627";
        public const string PairingNonce = "0BC39985F70E136C33BD98987512E5CF";
        public const string PairEncryptionKey = "7292E257F9F15C98D26193EEF2545E69";
        public const string PairMacKey = "74AEBE28C52532248FFF0CA4BE75FC61D8FD8908D459C4FFFCF1C003C2E5FCB7";
        public const string PairIv = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";
        public const string Pair = "04E90300000134E4036BA0A1A2A3A4A5A6A7A8A9AAABACADAEAFDB08DE45F78B46FC74B177D3DE4A9F70B754B7BF37A59C244BB7CA89C60904827644D75A874B6D12A44FCBBF6C0D89EC";

        /// <summary>The vectors' lock nonce is the first session after the first boot.</summary>
        public const uint BootCount = 1;
        public const uint SessionCount = 1;

        /// <summary>The credential's fields, as the document's inputs state them.</summary>
        public const uint LockId = 1001;
        public const uint KeyId = 7;
        public const uint UserId = 42;

        /// <summary>2026-11-23T00:00:00Z (a Monday): the credential's first valid second.</summary>
        public const uint ValidFrom = 1795392000;

        /// <summary>The time token's time: 2026-11-23T07:00:00Z, the schedule's first minute.</summary>
        public const uint TokenTime = ValidFrom + 7 * 3600;

        /// <summary>The pairing's time: 2026-11-23T06:59:00Z, a minute before the schedule opens.</summary>
        public const uint PairTime = ValidFrom + 6 * 3600 + 59 * 60;
    }
}
