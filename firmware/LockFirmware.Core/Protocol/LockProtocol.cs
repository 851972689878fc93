using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol
{
    /// <summary>
    /// The lock's side of docs/PROTOCOL.md: INFO, PAIR, SET_TIME, HELLO (credential check and
    /// session keys) and COMMAND (counter, MAC, role, action, MAC'd response). Whatever bytes
    /// arrive, the answer is an error code and nothing changes unless every check passed.
    /// Every buffer is owned here, so a command in a session allocates nothing on the host.
    /// </summary>
    public sealed class LockProtocol
    {
        private const int CommandHeader = 4; // type, counter(2), opcode
        private const int ResponsePayload = CommandHeader + 1; // ... and the result
        private const int MaxAuditRecordsPerResponse = 6;

        private readonly LockMemory _memory;
        private readonly IMacFactory _macs;
        private readonly ILockActions _actions;
        private readonly NoticeSender _sender;
        private readonly byte[] _serial;
        private readonly Credential _credential = new Credential();
        private readonly MacInput _input = new MacInput();
        private readonly byte[] _mac = new byte[32];
        private readonly byte[] _key = new byte[32];
        private readonly byte[] _nonce = new byte[32];
        private readonly byte[] _response = new byte[Fragment.MaxMessage];

        private IKeyedMac _lockMac;
        private IKeyedMac _sessionMac;
        private bool _sessionOpen;
        private long _sessionLastAt;
        private int _nextCounter;
        private Role _sessionRole;
        private uint _sessionKeyId;
        private uint _sessionUserId;
        private uint _sessionCount;
        private long _pairingUntil = -1;
        private bool _answerPending;
        private int _answerCounter;
        private Opcode _answerOpcode;
        private ResultCode _answerResult;

        public LockProtocol(LockMemory memory, IMacFactory macs, ILockActions actions, NoticeSender sender, byte[] serial)
        {
            _memory = memory;
            _macs = macs;
            _actions = actions;
            _sender = sender;
            _serial = serial;
            Clock = new LockClock();
            Throttle = new AuthThrottle();
        }

        public LockClock Clock { get; private set; }

        public AuthThrottle Throttle { get; private set; }

        public bool IsPaired
        {
            get { return _memory.Pairing.Paired; }
        }

        /// <summary>After the memory is mounted: keys the lock secret if the unit is paired.</summary>
        public void Start()
        {
            _lockMac = _memory.Pairing.Paired ? _macs.Create(_memory.Pairing.Secret, 0, PairingState.SecretLength) : null;
        }

        /// <summary>A long press on the unit: an unpaired lock accepts PAIR for a minute.</summary>
        public void OpenPairingWindow(long now)
        {
            _pairingUntil = now + ProtocolInfo.PairingWindowMs;
        }

        public void CloseSession()
        {
            _sessionOpen = false;
            _sessionMac = null;
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
                    Info();
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
                    Reply(message[0], ResultCode.BadFrame);
                    break;
            }
        }

        /// <summary>A transport error (fragments out of order, too long): an error, nothing else.</summary>
        public void OnBadTransport()
        {
            Reply(0, ResultCode.BadFrame);
        }

        private void Info()
        {
            _response[0] = MessageType.Info | MessageType.ResponseFlag;
            _response[1] = (byte)ResultCode.Ok;
            _response[2] = ProtocolInfo.ProtocolVersion;
            _response[3] = ProtocolInfo.FirmwareMajor;
            _response[4] = ProtocolInfo.FirmwareMinor;
            _response[5] = ProtocolInfo.HardwareRevision;
            _response[6] = (byte)(_memory.Pairing.Paired ? 1 : 0);
            Bytes.WriteUInt32(_response, 7, _memory.Pairing.LockId);
            for (int i = 0; i < 8; i++)
            {
                _response[11 + i] = _serial[i];
            }

            _sender.Send(_response, 19);
        }

        /// <summary>PAIR: lockId(4) organisation(1) secret(32), only unpaired and inside the pairing window.</summary>
        private void Pair(byte[] message, int length, long now)
        {
            if (length != 1 + 4 + 1 + PairingState.SecretLength)
            {
                Reply(MessageType.Pair, ResultCode.BadFrame);
                return;
            }

            if (_memory.Pairing.Paired || now > _pairingUntil)
            {
                Reply(MessageType.Pair, ResultCode.PairingClosed);
                return;
            }

            PairingState pairing = _memory.Pairing;
            pairing.Wipe();
            pairing.LockId = Bytes.ReadUInt32(message, 1);
            pairing.Organisation = message[5];
            for (int i = 0; i < PairingState.SecretLength; i++)
            {
                pairing.Secret[i] = message[6 + i];
            }

            pairing.Paired = true;
            _memory.SavePairing();
            _pairingUntil = -1;
            Start();
            _actions.Audit(AuditEvent.Paired, 0, 0, 0, pairing.LockId);
            Reply(MessageType.Pair, ResultCode.Ok);
        }

        /// <summary>SET_TIME: unix(4) lockId(4) tag(12) = HMAC(secret, "LOCK-TIME" || unix || lockId).</summary>
        private void SetTime(byte[] message, int length, long now)
        {
            if (length != 1 + 4 + 4 + Credential.TagLength)
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

            _input.Start(Labels.Time).Add(message, 1, 8).ComputeWith(_lockMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, 9, Credential.TagLength) || Bytes.ReadUInt32(message, 5) != _memory.Pairing.LockId)
            {
                Fail(MessageType.SetTime, ResultCode.BadMac, now);
                return;
            }

            bool accepted = Clock.Set(Bytes.ReadUInt32(message, 1), now);
            _actions.Persist();
            Reply(MessageType.SetTime, accepted ? ResultCode.Ok : ResultCode.TimeRejected);
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
                Fail(MessageType.Hello, ResultCode.BadMac, now);
                return;
            }

            _credential.Read(message, 1);
            ResultCode verdict = Judge(now);
            if (verdict != ResultCode.Ok)
            {
                _actions.Audit(AuditEvent.Refused, (byte)verdict, _credential.KeyId, _credential.UserId, 0);
                Reply(MessageType.Hello, verdict);
                return;
            }

            OpenSession(message, now);
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

        /// <summary>A genuine credential may still be for another lock, revoked, or outside its window.</summary>
        private ResultCode Judge(long now)
        {
            if (_credential.LockId != _memory.Pairing.LockId)
            {
                return ResultCode.WrongLock;
            }

            if (_memory.Pairing.Revoked.Contains(_credential.KeyId))
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

        /// <summary>
        /// Session key = HMAC(credential key, "LOCK-SESS" || lockNonce || phoneNonce), where the
        /// lock nonce is HMAC(secret, "LOCK-NONCE" || boots || sessions): unpredictable without
        /// the secret and never repeated, since the boot count is in flash before any nonce.
        /// </summary>
        private void OpenSession(byte[] message, long now)
        {
            _input.Start(Labels.CredentialKey).Add(message, 1, Credential.Size).ComputeWith(_lockMac, _key, 0);
            IKeyedMac credentialMac = _macs.Create(_key, 0, 32);

            _sessionCount++;
            _input.Start(Labels.Nonce).AddUInt32(_memory.State.BootCount).AddUInt32(_sessionCount).ComputeWith(_lockMac, _nonce, 0);

            _input.Start(Labels.Session)
                .Add(_nonce, 0, ProtocolInfo.LockNonceLength)
                .Add(message, 1 + Credential.Size, ProtocolInfo.PhoneNonceLength)
                .ComputeWith(credentialMac, _key, 0);
            _sessionMac = _macs.Create(_key, 0, 32);
            _sessionOpen = true;
            _sessionLastAt = now;
            _nextCounter = 1;
            _sessionRole = _credential.Role;
            _sessionKeyId = _credential.KeyId;
            _sessionUserId = _credential.UserId;
            Throttle.Success();

            _response[0] = MessageType.Hello | MessageType.ResponseFlag;
            _response[1] = (byte)ResultCode.Ok;
            for (int i = 0; i < ProtocolInfo.LockNonceLength; i++)
            {
                _response[2 + i] = _nonce[i];
            }

            _sender.Send(_response, 2 + ProtocolInfo.LockNonceLength);
        }

        /// <summary>COMMAND: counter(2) opcode(1) payload mac(8) = HMAC(session key, "LOCK-CMD" || all before the mac).</summary>
        private void Command(byte[] message, int length, long now)
        {
            if (length < CommandHeader + ProtocolInfo.MacLength)
            {
                Reply(MessageType.Command, ResultCode.BadFrame);
                return;
            }

            if (!_sessionOpen || now - _sessionLastAt > ProtocolInfo.SessionIdleTimeoutMs)
            {
                CloseSession();
                Reply(MessageType.Command, ResultCode.NoSession);
                return;
            }

            int signed = length - ProtocolInfo.MacLength;
            _input.Start(Labels.Command).Add(message, 0, signed).ComputeWith(_sessionMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, signed, ProtocolInfo.MacLength))
            {
                // Someone without the session key: end the session, count the failure.
                CloseSession();
                Fail(MessageType.Command, ResultCode.BadMac, now);
                return;
            }

            int counter = Bytes.ReadUInt16(message, 1);
            if (counter != _nextCounter)
            {
                Reply(MessageType.Command, ResultCode.Replayed);
                return;
            }

            _nextCounter++;
            _sessionLastAt = now;
            var opcode = (Opcode)message[3];
            int payloadLength = Execute(opcode, message, CommandHeader, signed - CommandHeader, now, out ResultCode result);
            if ((opcode == Opcode.Unlock || opcode == Opcode.Lock) && result == ResultCode.Ok)
            {
                // The motor has started: its audit record and MAC'd answer wait for FinishCommand,
                // so nothing but the command's own checks stands between the write and the motor.
                _answerPending = true;
                _answerCounter = counter;
                _answerOpcode = opcode;
                _answerResult = result;
                return;
            }

            _actions.Audit(AuditEvent.Command, (byte)result, _sessionKeyId, _sessionUserId, (uint)opcode);
            SendResponse(counter, opcode, result, payloadLength);
            if (opcode == Opcode.Unpair && result == ResultCode.Ok)
            {
                // Answered under the old keys; from now on the unit is stock.
                CloseSession();
                _memory.Pairing.Wipe();
                _memory.SavePairing();
                _lockMac = null;
            }
        }

        /// <summary>True from a move command's motor start until <see cref="FinishCommand"/> has answered it.</summary>
        public bool HasPendingAnswer
        {
            get { return _answerPending; }
        }

        /// <summary>Audits and answers the move command that started the motor (the next dispatcher round, before any input).</summary>
        public void FinishCommand()
        {
            if (!_answerPending)
            {
                return;
            }

            _answerPending = false;
            _actions.Audit(AuditEvent.Command, (byte)_answerResult, _sessionKeyId, _sessionUserId, (uint)_answerOpcode);
            SendResponse(_answerCounter, _answerOpcode, _answerResult, 0);
        }

        /// <summary>Runs an authenticated command; response payload goes to _response at ResponsePayload.</summary>
        private int Execute(Opcode opcode, byte[] message, int payload, int payloadLength, long now, out ResultCode result)
        {
            if (_sessionRole < Required(opcode))
            {
                result = ResultCode.RoleNotAllowed;
                return 0;
            }

            result = ResultCode.Ok;
            switch (opcode)
            {
                case Opcode.Status:
                    return _actions.WriteStatus(_response, ResponsePayload);
                case Opcode.Unlock:
                    result = _actions.RequestMove(LockState.Unlocked, now);
                    return 0;
                case Opcode.Lock:
                    result = _actions.RequestMove(LockState.Locked, now);
                    return 0;
                case Opcode.RunSelfTest:
                    result = _actions.RunSelfTest(now);
                    return 0;
                case Opcode.RegisterBatteryChange:
                    result = _actions.RegisterBatteryChange(_sessionRole);
                    return 0;
                case Opcode.ReadAudit:
                    return ReadAudit(message, payload, payloadLength, out result);
                case Opcode.AcknowledgeAudit:
                    if (payloadLength != 4)
                    {
                        result = ResultCode.BadFrame;
                        return 0;
                    }

                    _memory.Acknowledge(Bytes.ReadUInt32(message, payload));
                    return 0;
                case Opcode.RevokeKeys:
                    result = Revoke(message, payload, payloadLength);
                    return 0;
                case Opcode.Unpair:
                    _actions.Audit(AuditEvent.Unpaired, 0, _sessionKeyId, _sessionUserId, _memory.Pairing.LockId);
                    return 0;
                default:
                    result = ResultCode.UnknownOpcode;
                    return 0;
            }
        }

        private int ReadAudit(byte[] message, int payload, int payloadLength, out ResultCode result)
        {
            result = ResultCode.Ok;
            if (payloadLength != 4)
            {
                result = ResultCode.BadFrame;
                return 0;
            }

            int count = _memory.Audit.ReadSince(Bytes.ReadUInt32(message, payload), _response, ResponsePayload + 1, MaxAuditRecordsPerResponse);
            _response[ResponsePayload] = (byte)count;
            return 1 + count * AuditRecord.Size;
        }

        private ResultCode Revoke(byte[] message, int payload, int payloadLength)
        {
            if (payloadLength == 0 || payloadLength % 4 != 0)
            {
                return ResultCode.BadFrame;
            }

            RevocationList revoked = _memory.Pairing.Revoked;
            if (revoked.Count + payloadLength / 4 > RevocationList.Capacity)
            {
                // All or nothing: a half-applied revocation would be worse than a clear refusal.
                return ResultCode.RevocationListFull;
            }

            for (int offset = payload; offset < payload + payloadLength; offset += 4)
            {
                revoked.Add(Bytes.ReadUInt32(message, offset));
            }

            _memory.SavePairing();
            return ResultCode.Ok;
        }

        private static Role Required(Opcode opcode)
        {
            return opcode == Opcode.RevokeKeys || opcode == Opcode.Unpair ? Role.Admin : Role.Staff;
        }

        /// <summary>Response: type counter(2) opcode result payload mac(8) under the session key.</summary>
        private void SendResponse(int counter, Opcode opcode, ResultCode result, int payloadLength)
        {
            _response[0] = MessageType.Command | MessageType.ResponseFlag;
            Bytes.WriteUInt16(_response, 1, counter);
            _response[3] = (byte)opcode;
            _response[4] = (byte)result;
            int signed = ResponsePayload + payloadLength;
            _input.Start(Labels.Response).Add(_response, 0, signed).ComputeWith(_sessionMac, _mac, 0);
            for (int i = 0; i < ProtocolInfo.MacLength; i++)
            {
                _response[signed + i] = _mac[i];
            }

            _sender.Send(_response, signed + ProtocolInfo.MacLength);
        }

        private void Fail(byte type, ResultCode code, long now)
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

            Reply(type, code);
        }

        private void Reply(byte type, ResultCode code)
        {
            _response[0] = (byte)(type | MessageType.ResponseFlag);
            _response[1] = (byte)code;
            _sender.Send(_response, 2);
        }
    }
}
