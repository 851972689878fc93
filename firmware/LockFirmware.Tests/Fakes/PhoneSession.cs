using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// A phone's side of a session (docs/PROTOCOL.md, "Session"), 1.x-legal: HELLO with its
    /// credential and nonce, the session key from the lock's answer, numbered commands with their
    /// MAC, and checks of the MACs on the lock's answers and events.
    /// </summary>
    public sealed class PhoneSession
    {
        private readonly ManagedMacFactory _macs = new ManagedMacFactory();
        private readonly byte[] _credential;
        private readonly IKeyedMac _credentialMac;
        private readonly byte[] _phoneNonce;
        private readonly MacInput _input = new MacInput();
        private readonly byte[] _mac = new byte[32];
        private IKeyedMac _sessionMac;
        private int _nextEvent = 1;

        public PhoneSession(byte[] credential, byte[] credentialKey, byte[] phoneNonce)
        {
            _credential = credential;
            _credentialMac = _macs.Create(credentialKey, 0, credentialKey.Length);
            _phoneNonce = phoneNonce;
            SessionKey = new byte[32];
        }

        /// <summary>A phone with a credential the backend issued and the nonce 01..08.</summary>
        public static PhoneSession Issued(Backend backend, byte[] credential)
        {
            return new PhoneSession(credential, backend.CredentialKey(credential), Hex.Bytes(ProtocolVectors.PhoneNonce));
        }

        /// <summary>The phone of docs/PROTOCOL.md's vectors: its credential, key and nonce.</summary>
        public static PhoneSession OfVectors()
        {
            return new PhoneSession(Hex.Bytes(ProtocolVectors.Credential), Hex.Bytes(ProtocolVectors.CredentialKey), Hex.Bytes(ProtocolVectors.PhoneNonce));
        }

        public byte[] SessionKey { get; private set; }

        /// <summary>The counter the next <see cref="Command(Opcode, byte[])"/> carries.</summary>
        public int NextCounter { get; set; }

        /// <summary>02 credential(40) phoneNonce(8).</summary>
        public byte[] Hello()
        {
            byte[] hello = new byte[1 + Credential.Size + 8];
            hello[0] = MessageType.Hello;
            Copy(_credential, 0, hello, 1, Credential.Size);
            Copy(_phoneNonce, 0, hello, 1 + Credential.Size, 8);
            return hello;
        }

        /// <summary>
        /// Takes the lock's answer to HELLO; for 82 00 lockNonce(16) derives the session key
        /// HMAC(credentialKey, "LOCK-SESS" || lockNonce || phoneNonce) and returns true.
        /// </summary>
        public bool Open(byte[] answer, int length)
        {
            if (length != 18 || answer[0] != (MessageType.Hello | MessageType.ResponseFlag) || answer[1] != (byte)ResultCode.Ok)
            {
                return false;
            }

            _input.Start(Labels.Session).Add(answer, 2, 16).Add(_phoneNonce, 0, 8).ComputeWith(_credentialMac, SessionKey, 0);
            _sessionMac = _macs.Create(SessionKey, 0, 32);
            NextCounter = 1;
            _nextEvent = 1;
            return true;
        }

        public byte[] Command(Opcode opcode)
        {
            return Command(opcode, null);
        }

        /// <summary>03 counter(2) opcode payload mac(8) = HMAC(sessionKey, "LOCK-CMD" || all before it)[..8]; the counter moves on.</summary>
        public byte[] Command(Opcode opcode, byte[] payload)
        {
            int payloadLength = payload == null ? 0 : payload.Length;
            byte[] command = new byte[4 + payloadLength + 8];
            command[0] = MessageType.Command;
            Bytes.WriteUInt16(command, 1, NextCounter);
            command[3] = (byte)opcode;
            if (payload != null)
            {
                Copy(payload, 0, command, 4, payloadLength);
            }

            _input.Start(Labels.Command).Add(command, 0, 4 + payloadLength).ComputeWith(_sessionMac, _mac, 0);
            Copy(_mac, 0, command, 4 + payloadLength, 8);
            NextCounter++;
            return command;
        }

        /// <summary>83 counter(2) opcode result payload mac(8): true when the MAC is the session key's.</summary>
        public bool IsGenuineResponse(byte[] response, int length)
        {
            if (_sessionMac == null || length < 13 || response[0] != (MessageType.Command | MessageType.ResponseFlag))
            {
                return false;
            }

            _input.Start(Labels.Response).Add(response, 0, length - 8).ComputeWith(_sessionMac, _mac, 0);
            return ConstantTime.Equals(_mac, 0, response, length - 8, 8);
        }

        /// <summary>82 result mac(8) = HMAC(credentialKey, "LOCK-RSP" || 82 || result || phoneNonce)[..8]: a refusal only the lock could make.</summary>
        public bool IsGenuineRefusal(byte[] answer, int length)
        {
            if (length != 10)
            {
                return false;
            }

            _input.Start(Labels.Response).Add(answer, 0, 2).Add(_phoneNonce, 0, 8).ComputeWith(_credentialMac, _mac, 0);
            return ConstantTime.Equals(_mac, 0, answer, 2, 8);
        }

        /// <summary>C0 kind fields seq(2) mac(8): true when the MAC verifies and seq is the next one.</summary>
        public bool IsGenuineEvent(byte[] message, int length)
        {
            if (_sessionMac == null || length < 11 || message[0] != MessageType.Event)
            {
                return false;
            }

            _input.Start(Labels.Event).Add(message, 0, length - 8).ComputeWith(_sessionMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, length - 8, 8) || Bytes.ReadUInt16(message, length - 10) != _nextEvent)
            {
                return false;
            }

            _nextEvent++;
            return true;
        }

        private static void Copy(byte[] from, int fromOffset, byte[] to, int toOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                to[toOffset + i] = from[fromOffset + i];
            }
        }
    }
}
