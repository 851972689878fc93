using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The backend's side of docs/PROTOCOL.md for the device tests, small enough for
    /// nanoFramework 1.x: credentials ("Credential"), their keys, and time tokens ("Time"), all
    /// made with the lock secret and the managed HMAC. MessageBuilderTests checks each against
    /// the document's vectors.
    /// </summary>
    public sealed class Backend
    {
        /// <summary>Every day, any time (weekday mask 0; the backend writes 0 to 1440).</summary>
        public const byte AnyDay = 0;

        private readonly IKeyedMac _secret;
        private readonly MacInput _input = new MacInput();
        private readonly byte[] _mac = new byte[32];

        public Backend(byte[] secret, uint lockId)
        {
            _secret = new ManagedMacFactory().Create(secret, 0, secret.Length);
            LockId = lockId;
        }

        /// <summary>The backend of docs/PROTOCOL.md's vectors: its secret, lock 1001.</summary>
        public static Backend OfVectors()
        {
            return new Backend(Hex.Bytes(ProtocolVectors.Secret), ProtocolVectors.LockId);
        }

        public uint LockId { get; private set; }

        /// <summary>A credential for this backend's lock, any day, any time between from and until.</summary>
        public byte[] Credential(uint keyId, Role role, uint validFrom, uint validUntil)
        {
            return Credential(LockId, keyId, keyId, role, AnyDay, 0, 1440, validFrom, validUntil);
        }

        /// <summary>fields(28) then tag(12) = HMAC(secret, "LOCK-CRED" || fields)[..12].</summary>
        public byte[] Credential(uint lockId, uint keyId, uint userId, Role role, byte weekdays, int dayStartMinute, int dayEndMinute, uint validFrom, uint validUntil)
        {
            byte[] credential = new byte[LockFirmware.Security.Credential.Size];
            Bytes.WriteUInt32(credential, 0, lockId);
            Bytes.WriteUInt32(credential, 4, keyId);
            Bytes.WriteUInt32(credential, 8, userId);
            credential[12] = (byte)role;
            credential[13] = 1; // home care
            credential[14] = weekdays;
            credential[15] = 0xFF;
            Bytes.WriteUInt16(credential, 16, dayStartMinute);
            Bytes.WriteUInt16(credential, 18, dayEndMinute);
            Bytes.WriteUInt32(credential, 20, validFrom);
            Bytes.WriteUInt32(credential, 24, validUntil);
            _input.Start(Labels.Credential).Add(credential, 0, LockFirmware.Security.Credential.FieldsLength).ComputeWith(_secret, _mac, 0);
            Copy(_mac, 0, credential, LockFirmware.Security.Credential.FieldsLength, LockFirmware.Security.Credential.TagLength);
            return credential;
        }

        /// <summary>What the backend gives the phone with its credential: HMAC(secret, "LOCK-KEY" || credential).</summary>
        public byte[] CredentialKey(byte[] credential)
        {
            byte[] key = new byte[32];
            _input.Start(Labels.CredentialKey).Add(credential, 0, credential.Length).ComputeWith(_secret, key, 0);
            return key;
        }

        /// <summary>SET_TIME: 05 unix(4) lockId(4) authority tag(12) = HMAC(secret, "LOCK-TIME" || unix || lockId || authority)[..12].</summary>
        public byte[] TimeToken(uint unix, Role authority)
        {
            byte[] token = new byte[22];
            token[0] = Ble.MessageType.SetTime;
            Bytes.WriteUInt32(token, 1, unix);
            Bytes.WriteUInt32(token, 5, LockId);
            token[9] = (byte)authority;
            _input.Start(Labels.Time).Add(token, 1, 9).ComputeWith(_secret, _mac, 0);
            Copy(_mac, 0, token, 10, 12);
            return token;
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
