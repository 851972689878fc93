using LockFirmware.Ble;
using LockFirmware.Security;
using LockFirmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace LockFirmware.Tests
{
    /// <summary>
    /// The test suite's own backend and phone (Fakes/Backend, Fakes/PhoneSession) make
    /// docs/PROTOCOL.md's bytes from its inputs, so the protocol tests that use them test what
    /// the document says.
    /// </summary>
    [TestClass]
    public class MessageBuilderTests
    {
        private const uint Day = 86400;

        [TestMethod]
        public void The_backend_issues_the_documented_credential_and_its_key()
        {
            Backend backend = Backend.OfVectors();

            // Staff, Monday to Friday 07:00-22:00, 30 days.
            byte[] credential = backend.Credential(ProtocolVectors.LockId, ProtocolVectors.KeyId, ProtocolVectors.UserId, Role.Staff, 0x1F, 7 * 60, 22 * 60, ProtocolVectors.ValidFrom, ProtocolVectors.ValidFrom + 30 * Day);

            Assert.AreEqual(ProtocolVectors.Credential, Hex.Of(credential, 0, credential.Length));
            byte[] key = backend.CredentialKey(credential);
            Assert.AreEqual(ProtocolVectors.CredentialKey, Hex.Of(key, 0, key.Length));
        }

        [TestMethod]
        public void The_backend_signs_the_documented_time_token()
        {
            byte[] token = Backend.OfVectors().TimeToken(ProtocolVectors.TokenTime, Role.Staff);

            Assert.AreEqual(ProtocolVectors.TimeToken, Hex.Of(token, 0, token.Length));
        }

        [TestMethod]
        public void The_phone_says_the_documented_hello_and_makes_the_documented_session_key_and_command()
        {
            PhoneSession phone = PhoneSession.OfVectors();
            byte[] hello = phone.Hello();
            Assert.AreEqual(ProtocolVectors.Hello, Hex.Of(hello, 0, hello.Length));

            byte[] challenge = Hex.Bytes("8200" + ProtocolVectors.LockNonce);
            Assert.IsTrue(phone.Open(challenge, challenge.Length));
            Assert.AreEqual(ProtocolVectors.SessionKey, Hex.Of(phone.SessionKey, 0, 32));

            byte[] unlock = phone.Command(Opcode.Unlock);
            Assert.AreEqual(ProtocolVectors.CommandUnlock1, Hex.Of(unlock, 0, unlock.Length));
        }

        [TestMethod]
        public void The_phone_believes_the_documented_answers_and_no_altered_one()
        {
            PhoneSession phone = PhoneSession.OfVectors();
            byte[] challenge = Hex.Bytes("8200" + ProtocolVectors.LockNonce);
            phone.Open(challenge, challenge.Length);

            byte[] ok = Hex.Bytes(ProtocolVectors.ResponseUnlock1Ok);
            byte[] replayed = Hex.Bytes(ProtocolVectors.ResponseUnlock1Replayed);
            byte[] unlocked = Hex.Bytes(ProtocolVectors.EventUnlocked1);
            Assert.IsTrue(phone.IsGenuineResponse(ok, ok.Length));
            Assert.IsTrue(phone.IsGenuineResponse(replayed, replayed.Length));
            Assert.IsTrue(phone.IsGenuineEvent(unlocked, unlocked.Length));

            ok[4] = (byte)ResultCode.Revoked;
            Assert.IsFalse(phone.IsGenuineResponse(ok, ok.Length));
            // The same event again is not the next one.
            Assert.IsFalse(phone.IsGenuineEvent(unlocked, unlocked.Length));
        }
    }
}
