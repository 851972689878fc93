using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol
{
    /// <summary>
    /// The lock's side of docs/PROTOCOL.md: INFO, PROVISION, PAIR, SET_TIME, HELLO (credential
    /// check and session keys) and COMMAND (counter, MAC, a fresh check of the credential,
    /// role, action, MAC'd response). Whatever bytes arrive, the answer is an error code and
    /// nothing changes unless every check passed. Every buffer is owned here, so a command in
    /// a session allocates nothing on the host. This file: dispatch, INFO, time and HELLO;
    /// sessions and pairing are in the other LockProtocol files.
    /// </summary>
    public sealed partial class LockProtocol
    {
        private const int TimeTokenLength = 1 + 4 + 4 + 1 + Credential.TagLength;

        private readonly LockMemory _memory;
        private readonly IMacFactory _macs;
        private readonly IAesCbc _aes;
        private readonly ILockActions _actions;
        private readonly NoticeSender _sender;
        private readonly byte[] _defaultSerial;
        private readonly Credential _credential = new Credential();
        private readonly MacInput _input = new MacInput();
        private readonly byte[] _mac = new byte[32];
        private readonly byte[] _key = new byte[32];
        private readonly byte[] _nonce = new byte[32];
        private readonly byte[] _response = new byte[Fragment.MaxMessage];

        private IKeyedMac _lockMac;

        /// <param name="serial">The serial INFO reports until the unit is provisioned (8 ASCII bytes).</param>
        public LockProtocol(LockMemory memory, IMacFactory macs, IAesCbc aes, ILockActions actions, NoticeSender sender, byte[] serial)
        {
            _memory = memory;
            _macs = macs;
            _aes = aes;
            _actions = actions;
            _sender = sender;
            _defaultSerial = serial;
            Clock = new LockClock();
            Throttle = new AuthThrottle();
            Identity = new UnitIdentity();
        }

        public LockClock Clock { get; private set; }

        public AuthThrottle Throttle { get; private set; }

        /// <summary>Serial, factory key and ADC calibration written at production (after <see cref="Start"/>).</summary>
        public UnitIdentity Identity { get; private set; }

        public bool IsPaired
        {
            get { return _memory.Pairing.Paired; }
        }

        /// <summary>A phone has a session (the link supervisor drops connections that never open one).</summary>
        public bool SessionOpen
        {
            get { return _sessionOpen; }
        }

        /// <summary>After the memory is mounted: reads the unit identity and keys the lock secret if the unit is paired.</summary>
        public void Start()
        {
            _memory.LoadIdentity(Identity);
            KeyFactoryMac();
            KeyLockSecret();
        }

        /// <summary>Unix seconds when the clock is known; else seconds since boot with bit 31 set.</summary>
        public uint Timestamp(long now)
        {
            return Clock.IsKnown ? Clock.Now(now) : 0x80000000u | (uint)(now / 1000);
        }

        public void OnMessage(byte[] message, int length, long now)
        {
            switch (message[0])
            {
                case MessageType.Info:
                    Info(now);
                    break;
                case MessageType.Provision:
                    Provision(message, length);
                    break;
                case MessageType.Pair:
                    Pair(message, length, now);
                    break;
                case MessageType.SetTime:
                    SetTime(message, length, now);
                    break;
                case MessageType.Hello:
                    Hello(message, length, now);
                    break;
                case MessageType.Command:
                    Command(message, length, now);
                    break;
                default:
                    // Its own answer type: an unknown request such as 0x40 must not come back
                    // as 0xC0, which a phone would read as an event.
                    _response[0] = MessageType.Error;
                    _response[1] = (byte)ResultCode.UnknownMessage;
                    _response[2] = message[0];
                    _sender.Send(_response, 3);
                    break;
            }
        }

        /// <summary>A transport error (fragments out of order, too long): an error, nothing else.</summary>
        public void OnBadTransport()
        {
            Reply(MessageType.Error, ResultCode.BadFrame);
        }

        /// <summary>INFO: versions, flags, lock id, serial, and the pairing nonce while the pairing window is open.</summary>
        private void Info(long now)
        {
            bool pairingOpen = PairingOpen(now);
            _response[0] = MessageType.Info | MessageType.ResponseFlag;
            _response[1] = (byte)ResultCode.Ok;
            _response[2] = ProtocolInfo.ProtocolVersion;
            _response[3] = ProtocolInfo.FirmwareMajor;
            _response[4] = ProtocolInfo.FirmwareMinor;
            _response[5] = ProtocolInfo.HardwareRevision;
            _response[6] = (byte)((_memory.Pairing.Paired ? ProtocolInfo.InfoPaired : 0)
                | (Identity.Provisioned ? ProtocolInfo.InfoProvisioned : 0)
                | (pairingOpen ? ProtocolInfo.InfoPairingOpen : 0));
            Bytes.WriteUInt32(_response, 7, _memory.Pairing.LockId);
            byte[] serial = Identity.Provisioned ? Identity.Serial : _defaultSerial;
            for (int i = 0; i < UnitIdentity.SerialLength; i++)
            {
                _response[11 + i] = serial[i];
            }

            for (int i = 0; i < ProtocolInfo.PairingNonceLength; i++)
            {
                _response[19 + i] = pairingOpen ? _pairingNonce[i] : (byte)0;
            }

            _sender.Send(_response, 19 + ProtocolInfo.PairingNonceLength);
        }

        /// <summary>SET_TIME: unix(4) lockId(4) authority(1) tag(12) = HMAC(secret, "LOCK-TIME" || unix || lockId || authority).</summary>
        private void SetTime(byte[] message, int length, long now)
        {
            if (length != TimeTokenLength)
            {
                Reply(MessageType.SetTime, ResultCode.BadFrame);
                return;
            }

            ResultCode refusal = Admission(now);
            if (refusal != ResultCode.Ok)
            {
                Reply(MessageType.SetTime, refusal);
                return;
            }

            _input.Start(Labels.Time).Add(message, 1, 9).ComputeWith(_lockMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, 10, Credential.TagLength) || Bytes.ReadUInt32(message, 5) != _memory.Pairing.LockId)
            {
                CountFailure(MessageType.SetTime, ResultCode.BadMac, now);
                Reply(MessageType.SetTime, ResultCode.BadMac);
                return;
            }

            var authority = (Role)message[9];
            if (authority < Role.Staff || authority > Role.Admin)
            {
                Reply(MessageType.SetTime, ResultCode.BadFrame);
                return;
            }

            ResultCode verdict = Clock.Set(Bytes.ReadUInt32(message, 1), authority, now);
            if (verdict == ResultCode.Ok)
            {
                // In flash before the answer: an accepted time is never forgotten, even if the power goes next.
                _actions.Persist();
            }

            Reply(MessageType.SetTime, verdict);
        }

        /// <summary>HELLO: credential(40) phoneNonce(8) → CHALLENGE: lockNonce(16).</summary>
        private void Hello(byte[] message, int length, long now)
        {
            if (length != 1 + Credential.Size + ProtocolInfo.PhoneNonceLength)
            {
                Reply(MessageType.Hello, ResultCode.BadFrame);
                return;
            }

            CloseSession();
            ResultCode refusal = Admission(now);
            if (refusal != ResultCode.Ok)
            {
                Reply(MessageType.Hello, refusal);
                return;
            }

            _input.Start(Labels.Credential).Add(message, 1, Credential.FieldsLength).ComputeWith(_lockMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, 1 + Credential.FieldsLength, Credential.TagLength))
            {
                CountFailure(MessageType.Hello, ResultCode.BadMac, now);
                Reply(MessageType.Hello, ResultCode.BadMac);
                return;
            }

            _credential.Read(message, 1);
            _input.Start(Labels.CredentialKey).Add(message, 1, Credential.Size).ComputeWith(_lockMac, _key, 0);
            ResultCode verdict = Judge(now);
            if (verdict != ResultCode.Ok)
            {
                _actions.Audit(AuditEvent.Refused, (byte)verdict, _credential.KeyId, _credential.UserId, 0);
                RefuseGenuine(message, verdict);
                return;
            }

            OpenSession(message, now);
        }

        /// <summary>
        /// A genuine credential refused (revoked, outside its window...): the answer carries
        /// HMAC(credential key, "LOCK-RSP" || 0x82 || result || phoneNonce)[..8], so its holder
        /// can trust the reason and nobody else can fake one.
        /// </summary>
        private void RefuseGenuine(byte[] hello, ResultCode verdict)
        {
            IKeyedMac credentialMac = _macs.Create(_key, 0, 32);
            _response[0] = MessageType.Hello | MessageType.ResponseFlag;
            _response[1] = (byte)verdict;
            _input.Start(Labels.Response).Add(_response, 0, 2).Add(hello, 1 + Credential.Size, ProtocolInfo.PhoneNonceLength).ComputeWith(credentialMac, _mac, 0);
            for (int i = 0; i < ProtocolInfo.MacLength; i++)
            {
                _response[2 + i] = _mac[i];
            }

            _sender.Send(_response, 2 + ProtocolInfo.MacLength);
        }

        /// <summary>Checks that need no credential: paired, not backing off.</summary>
        private ResultCode Admission(long now)
        {
            if (!_memory.Pairing.Paired)
            {
                return ResultCode.NotPaired;
            }

            return Throttle.IsBlocked(now) ? ResultCode.BackOff : ResultCode.Ok;
        }

        /// <summary>
        /// A genuine credential may still be for another lock, revoked, or outside its window or
        /// schedule by the lock's time (never below the high-water mark). Asked at HELLO and
        /// again before every command of the session.
        /// </summary>
        private ResultCode Judge(long now)
        {
            if (_credential.LockId != _memory.Pairing.LockId)
            {
                return ResultCode.WrongLock;
            }

            if (_memory.Revoked.Contains(_credential.KeyId))
            {
                return ResultCode.Revoked;
            }

            if (!Clock.IsKnown)
            {
                return ResultCode.ClockUnknown;
            }

            uint unix = Clock.Now(now);
            if (!_credential.IsInWindow(unix))
            {
                return ResultCode.OutsideWindow;
            }

            return _credential.IsInSchedule(unix) ? ResultCode.Ok : ResultCode.OutsideSchedule;
        }

        /// <summary>Counts a failed authentication: back-off, tamper alarm, and the first few in the audit log.</summary>
        private void CountFailure(byte type, ResultCode code, long now)
        {
            if (Throttle.Failure(now))
            {
                _actions.Audit(AuditEvent.Tamper, 0, 0, 0, (uint)Throttle.ConsecutiveFailures);
                _actions.Persist();
            }

            // The first failures of a run are logged one by one; a flood after that shows up as
            // the tamper record, so an attacker cannot push real visits out of the audit ring.
            if (Throttle.ConsecutiveFailures <= AuthThrottle.FreeFailures + 1)
            {
                _actions.Audit(AuditEvent.Refused, (byte)code, 0, 0, type);
            }
        }

        /// <summary>A bare answer: type|0x80, result. Only where nothing can sign it (outside a session).</summary>
        private void Reply(byte type, ResultCode code)
        {
            _response[0] = (byte)(type | MessageType.ResponseFlag);
            _response[1] = (byte)code;
            _sender.Send(_response, 2);
        }

        private void KeyLockSecret()
        {
            _lockMac = _memory.Pairing.Paired ? _macs.Create(_memory.Pairing.Secret, 0, PairingState.SecretLength) : null;
        }
    }
}
