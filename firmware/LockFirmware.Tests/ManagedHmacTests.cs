using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The tests' managed HMAC-SHA256 against RFC 4231's test cases and the protocol's documented
    /// keys and MACs, so every protocol test built on it checks the real algorithm.
    /// </summary>
    [TestClass]
    public class ManagedHmacTests
    {
        [TestMethod]
        public void Rfc4231_case_1_short_key()
        {
            Check(Hex.Repeat(0x0b, 20), Hex.Ascii("Hi There"),
                "B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7");
        }

        [TestMethod]
        public void Rfc4231_case_2_key_shorter_than_the_output()
        {
            Check(Hex.Ascii("Jefe"), Hex.Ascii("what do ya want for nothing?"),
                "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843");
        }

        [TestMethod]
        public void Rfc4231_cases_3_and_4_fifty_bytes_of_data()
        {
            Check(Hex.Repeat(0xaa, 20), Hex.Repeat(0xdd, 50),
                "773EA91E36800E46854DB8EBD09181A72959098B3EF8C122D9635514CED565FE");
            Check(Hex.Bytes("0102030405060708090A0B0C0D0E0F10111213141516171819"), Hex.Repeat(0xcd, 50),
                "82558A389A443C0EA4CC819899F2083A85F0FAA3E578F8077A2E3FF46729665B");
        }

        [TestMethod]
        public void Rfc4231_case_5_truncated_to_128_bits()
        {
            byte[] mac = Mac(Hex.Repeat(0x0c, 20), Hex.Ascii("Test With Truncation"));

            Assert.AreEqual("A3B6167473100EE06E0C796C2955552B", Hex.Of(mac, 0, 16));
        }

        [TestMethod]
        public void Rfc4231_cases_6_and_7_key_longer_than_a_block_is_hashed_first()
        {
            byte[] key = Hex.Repeat(0xaa, 131);

            Check(key, Hex.Ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60E431591EE0B67F0D8A26AACBF5B77F8E0BC6213728C5140546040F0EE37F54");
            Check(key, Hex.Ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
                "9B09FFA71B942FCB27635FBCD5B0E944BFDC63644F0713938A7F51535C3A35E2");
        }

        [TestMethod]
        public void One_keyed_instance_gives_the_same_mac_again_and_only_writes_its_32_bytes()
        {
            IKeyedMac mac = new ManagedMacFactory().Create(Hex.Ascii("Jefe"), 0, 4);
            byte[] data = Hex.Ascii("what do ya want for nothing?");
            byte[] output = Hex.Repeat(0xEE, 36);

            mac.Compute(data, 0, data.Length, output, 2);
            mac.Compute(data, 0, data.Length, output, 2);

            Assert.AreEqual("EEEE5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843EEEE", Hex.Of(output, 0, 36));
        }

        [TestMethod]
        public void The_key_and_data_ranges_are_honoured()
        {
            byte[] key = Hex.Bytes("FF4A656665FF");
            byte[] data = Hex.Bytes("00" + Hex.Of(Hex.Ascii("what do ya want for nothing?"), 0, 28) + "00");
            byte[] output = new byte[32];

            new ManagedMacFactory().Create(key, 1, 4).Compute(data, 1, 28, output, 0);

            Assert.AreEqual("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", Hex.Of(output, 0, 32));
        }

        [TestMethod]
        public void The_protocols_documented_keys_and_macs_come_out()
        {
            IMacFactory factory = new ManagedMacFactory();
            byte[] secret = Hex.Bytes(ProtocolVectors.Secret);
            byte[] credential = Hex.Bytes(ProtocolVectors.Credential);
            IKeyedMac lockMac = factory.Create(secret, 0, secret.Length);
            MacInput input = new MacInput();
            byte[] credentialKey = new byte[32];
            byte[] nonce = new byte[32];
            byte[] sessionKey = new byte[32];
            byte[] commandMac = new byte[32];

            input.Start(Labels.CredentialKey).Add(credential, 0, credential.Length).ComputeWith(lockMac, credentialKey, 0);
            input.Start(Labels.Nonce).AddUInt32(ProtocolVectors.BootCount).AddUInt32(ProtocolVectors.SessionCount).ComputeWith(lockMac, nonce, 0);
            byte[] phoneNonce = Hex.Bytes(ProtocolVectors.PhoneNonce);
            input.Start(Labels.Session).Add(nonce, 0, 16).Add(phoneNonce, 0, phoneNonce.Length)
                .ComputeWith(factory.Create(credentialKey, 0, 32), sessionKey, 0);
            byte[] command = Hex.Bytes(ProtocolVectors.CommandUnlock1);
            input.Start(Labels.Command).Add(command, 0, 4).ComputeWith(factory.Create(sessionKey, 0, 32), commandMac, 0);

            Assert.AreEqual(ProtocolVectors.CredentialKey, Hex.Of(credentialKey, 0, 32));
            Assert.AreEqual(ProtocolVectors.LockNonce, Hex.Of(nonce, 0, 16));
            Assert.AreEqual(ProtocolVectors.SessionKey, Hex.Of(sessionKey, 0, 32));
            Assert.AreEqual(Hex.Of(command, 4, 8), Hex.Of(commandMac, 0, 8));
        }

        private static byte[] Mac(byte[] key, byte[] data)
        {
            byte[] mac = new byte[32];
            new ManagedMacFactory().Create(key, 0, key.Length).Compute(data, 0, data.Length, mac, 0);
            return mac;
        }

        private static void Check(byte[] key, byte[] data, string expected)
        {
            Assert.AreEqual(expected, Hex.Of(Mac(key, data), 0, 32));
        }
    }
}
