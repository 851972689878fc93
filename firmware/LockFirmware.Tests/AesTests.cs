using LockFirmware.Tests.Crypto;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The tests' managed AES-128-CBC decryption (Crypto/) against the standards' vectors and the
    /// sealed secret of docs/PROTOCOL.md's PAIR, so pairing tests prove the lock opens what the
    /// back office seals.
    /// </summary>
    [TestClass]
    public class AesTests
    {
        [TestMethod]
        public void The_FIPS_197_example_block_decrypts()
        {
            // FIPS-197 Appendix C.1 (AES-128): key 00..0f, plaintext 00112233..ff.
            Aes128 aes = new Aes128();
            aes.SetKey(Hex.Bytes("000102030405060708090a0b0c0d0e0f"), 0);
            byte[] block = Hex.Bytes("69c4e0d86a7b0430d8cdb78070b4c55a");

            aes.DecryptBlock(block, 0, block, 0);

            Assert.AreEqual("00112233445566778899AABBCCDDEEFF", Hex.Of(block, 0, 16));
        }

        [TestMethod]
        public void The_FIPS_197_appendix_B_block_decrypts()
        {
            // FIPS-197 Appendix B: key 2b7e1516..., input 3243f6a8885a308d313198a2e0370734.
            Aes128 aes = new Aes128();
            aes.SetKey(Hex.Bytes("2b7e151628aed2a6abf7158809cf4f3c"), 0);
            byte[] plain = new byte[16];

            aes.DecryptBlock(Hex.Bytes("3925841d02dc09fbdc118597196a0b32"), 0, plain, 0);

            Assert.AreEqual("3243F6A8885A308D313198A2E0370734", Hex.Of(plain, 0, 16));
        }

        [TestMethod]
        public void The_SP_800_38A_CBC_AES128_decryption_example_decrypts()
        {
            // SP 800-38A F.2.2 CBC-AES128.Decrypt: four blocks under one key and IV.
            byte[] cipher = Hex.Bytes(
                "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2"
                + "73bed6b8e3c1743b7116e69e22229516" + "3ff1caa1681fac09120eca307586e1a7");
            byte[] plain = new byte[64];

            new ManagedAesCbc().Decrypt(Hex.Bytes("2b7e151628aed2a6abf7158809cf4f3c"), Hex.Bytes("000102030405060708090a0b0c0d0e0f"), cipher, 0, 64, plain, 0);

            Assert.AreEqual(
                "6BC1BEE22E409F96E93D7E117393172A" + "AE2D8A571E03AC9C9EB76FAC45AF8E51"
                + "30C81C46A35CE411E5FBC1191A0A52EF" + "F69F2445DF4F9B17AD2B417BE66C3710",
                Hex.Of(plain, 0, 64));
        }

        [TestMethod]
        public void The_documented_pair_opens_to_the_documented_secret()
        {
            byte[] pair = Hex.Bytes(ProtocolVectors.Pair);
            byte[] secret = new byte[32];

            // PAIR: type, lockId(4), organisation, unix(4), iv(16) at 10, sealed secret(32) at 26.
            Assert.AreEqual(ProtocolVectors.PairIv, Hex.Of(pair, 10, 16));
            new ManagedAesCbc().Decrypt(Hex.Bytes(ProtocolVectors.PairEncryptionKey), Hex.Bytes(ProtocolVectors.PairIv), pair, 26, 32, secret, 0);

            Assert.AreEqual(ProtocolVectors.Secret, Hex.Of(secret, 0, 32));
        }

        [TestMethod]
        public void Another_key_or_iv_does_not_give_the_secret()
        {
            byte[] pair = Hex.Bytes(ProtocolVectors.Pair);
            byte[] key = Hex.Bytes(ProtocolVectors.PairEncryptionKey);
            byte[] iv = Hex.Bytes(ProtocolVectors.PairIv);
            byte[] secret = new byte[32];

            key[15] ^= 1;
            new ManagedAesCbc().Decrypt(key, iv, pair, 26, 32, secret, 0);
            Assert.IsFalse(Hex.Of(secret, 0, 32) == ProtocolVectors.Secret);

            key[15] ^= 1;
            iv[0] ^= 1;
            new ManagedAesCbc().Decrypt(key, iv, pair, 26, 32, secret, 0);
            // CBC: a changed IV changes only the first block, in the same bit.
            Assert.AreEqual("010102030405060708090A0B0C0D0E0F", Hex.Of(secret, 0, 16));
            Assert.AreEqual(ProtocolVectors.Secret.Substring(32), Hex.Of(secret, 16, 16));
        }
    }
}
