namespace LockFirmware.Security
{
    /// <summary>
    /// Domain-separation labels (ASCII) prefixed to every MAC input, so a MAC made for one
    /// purpose can never pass for another (docs/PROTOCOL.md, "Keys").
    /// </summary>
    public static class Labels
    {
        public static readonly byte[] Credential = Ascii("LOCK-CRED");
        public static readonly byte[] CredentialKey = Ascii("LOCK-KEY");
        public static readonly byte[] Session = Ascii("LOCK-SESS");
        public static readonly byte[] Nonce = Ascii("LOCK-NONCE");
        public static readonly byte[] Time = Ascii("LOCK-TIME");
        public static readonly byte[] Command = Ascii("LOCK-CMD");
        public static readonly byte[] Response = Ascii("LOCK-RSP");
        public static readonly byte[] Event = Ascii("LOCK-EVT");
        public static readonly byte[] PairingNonce = Ascii("LOCK-PNONCE");
        public static readonly byte[] PairEncryptionKey = Ascii("LOCK-PAIR-ENC");
        public static readonly byte[] PairMacKey = Ascii("LOCK-PAIR-MAC");
        public static readonly byte[] Pair = Ascii("LOCK-PAIR");
        public static readonly byte[] SecretPrint = Ascii("LOCK-PRINT");

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
