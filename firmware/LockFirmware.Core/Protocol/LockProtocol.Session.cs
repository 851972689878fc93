using LockFirmware.Ble;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol
{
    /// <summary>
    /// Sessions: opened by HELLO, ended by idle time, a wrong MAC, the credential leaving its
    /// window or schedule, or its revocation. The session key is held from HELLO until the
    /// next HELLO, a disconnect or an unpairing, so every answer to a COMMAND (refusals too)
    /// is MAC'd with it, and events during an open session carry a MAC as well.
    /// </summary>
    public sealed partial class LockProtocol
    {
        private const int CommandHeader = 4; // type, counter(2), opcode
        private const int ResponsePayload = CommandHeader + 1; // ... and the result
        private const int MaxAuditRecordsPerResponse = 6;

        private IKeyedMac _sessionMac;
        private bool _sessionOpen;
        private ResultCode _sessionEnd;
        private long _sessionLastAt;
        private int _nextCounter;
        private int _nextEvent;
        private uint _sessionCount;
        private bool _answerPending;
        private int _answerCounter;
        private byte _answerOpcode;

        /// <summary>Disconnect (or a new HELLO): the session and its key are gone.</summary>
        public void CloseSession()
        {
            _sessionOpen = false;
            _sessionMac = null;
        }

        /// <summary>
        /// Sends an event; during an open session it carries seq(2) and
        /// HMAC(session key, "LOCK-EVT" || event || seq)[..8]. The buffer needs room for both.
        /// </summary>
        public void SendEvent(byte[] buffer, int length)
        {
            if (_sessionOpen)
            {
                Bytes.WriteUInt16(buffer, length, _nextEvent++);
                length += 2;
                _input.Start(Labels.Event).Add(buffer, 0, length).ComputeWith(_sessionMac, _mac, 0);
                for (int i = 0; i < ProtocolInfo.MacLength; i++)
                {
                    buffer[length + i] = _mac[i];
                }

                length += ProtocolInfo.MacLength;
            }

            _sender.Send(buffer, length);
        }

        /// <summary>
        /// Session key = HMAC(credential key, "LOCK-SESS" || lockNonce || phoneNonce), where the
        /// lock nonce is HMAC(secret, "LOCK-NONCE" || boots || sessions): unpredictable without
        /// the secret and never repeated, since the boot count is in flash before any nonce.
        /// The credential key is in _key (HELLO derived it).
        /// </summary>
        private void OpenSession(byte[] message, long now)
        {
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
            _nextEvent = 1;
            Throttle.Success();

            _response[0] = MessageType.Hello | MessageType.ResponseFlag;
            _response[1] = (byte)ResultCode.Ok;
            for (int i = 0; i < ProtocolInfo.LockNonceLength; i++)
            {
                _response[2 + i] = _nonce[i];
            }

            _sender.Send(_response, 2 + ProtocolInfo.LockNonceLength);
        }

        /// <summary>The session ends but its key stays, so later answers to its phone are still MAC'd.</summary>
        private void EndSession(ResultCode why)
        {
            _sessionOpen = false;
            _sessionEnd = why;
        }

        /// <summary>COMMAND: counter(2) opcode(1) payload mac(8) = HMAC(session key, "LOCK-CMD" || all before the mac).</summary>
        private void Command(byte[] message, int length, long now)
        {
            if (_sessionMac == null)
            {
                // No key to sign with: the phone can only take this as "say HELLO".
                Reply(MessageType.Command, ResultCode.NoSession);
                return;
            }

            int counter = length >= 3 ? Bytes.ReadUInt16(message, 1) : 0;
            byte opcode = length >= CommandHeader ? message[3] : (byte)0;
            if (length < CommandHeader + ProtocolInfo.MacLength)
            {
                SendResponse(counter, opcode, ResultCode.BadFrame, 0);
                return;
            }

            int signed = length - ProtocolInfo.MacLength;
            _input.Start(Labels.Command).Add(message, 0, signed).ComputeWith(_sessionMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, signed, ProtocolInfo.MacLength))
            {
                // Someone without the session key: end the session, count the failure.
                EndSession(ResultCode.NoSession);
                CountFailure(MessageType.Command, ResultCode.BadMac, now);
                SendResponse(counter, opcode, ResultCode.BadMac, 0);
                return;
            }

            if (_sessionOpen && now - _sessionLastAt > ProtocolInfo.SessionIdleTimeoutMs)
            {
                EndSession(ResultCode.NoSession);
            }

            if (!_sessionOpen)
            {
                SendResponse(counter, opcode, _sessionEnd, 0);
                return;
            }

            if (counter != _nextCounter)
            {
                SendResponse(counter, opcode, ResultCode.Replayed, 0);
                return;
            }

            _nextCounter++;
            _sessionLastAt = now;
            // The credential is judged again: its window or schedule may have closed, or its
            // key been revoked, since HELLO. Then the session ends here.
            ResultCode standing = Judge(now);
            if (standing != ResultCode.Ok)
            {
                EndSession(standing);
                _actions.Audit(AuditEvent.Refused, (byte)standing, _credential.KeyId, _credential.UserId, opcode);
                SendResponse(counter, opcode, standing, 0);
                return;
            }

            int payloadLength = Execute((Opcode)opcode, message, CommandHeader, signed - CommandHeader, now, out ResultCode result);
            if (((Opcode)opcode == Opcode.Unlock || (Opcode)opcode == Opcode.Lock) && result == ResultCode.Ok)
            {
                // The motor has started: its audit record and MAC'd answer wait for FinishCommand,
                // so nothing but the command's own checks stands between the write and the motor.
                _answerPending = true;
                _answerCounter = counter;
                _answerOpcode = opcode;
                return;
            }

            _actions.Audit(AuditEvent.Command, (byte)result, _credential.KeyId, _credential.UserId, opcode);
            SendResponse(counter, opcode, result, payloadLength);
            if ((Opcode)opcode == Opcode.Unpair && result == ResultCode.Ok)
            {
                // Answered under the old keys; from now on the unit is stock.
                CloseSession();
                _memory.WipePairing();
                _memory.SavePairing();
                _lockMac = null;
            }
        }

        /// <summary>True from a move command's motor start until <see cref="FinishCommand"/> has answered it.</summary>
        public bool HasPendingAnswer
        {
            get { return _answerPending; }
        }

        /// <summary>
        /// Audits and answers the move command that started the motor (the next dispatcher
        /// round, before any input, so the credential and session key are still the command's).
        /// </summary>
        public void FinishCommand()
        {
            if (!_answerPending)
            {
                return;
            }

            _answerPending = false;
            _actions.Audit(AuditEvent.Command, (byte)ResultCode.Ok, _credential.KeyId, _credential.UserId, _answerOpcode);
            if (_sessionMac != null)
            {
                SendResponse(_answerCounter, _answerOpcode, ResultCode.Ok, 0);
            }
        }

        /// <summary>Runs an authenticated command; response payload goes to _response at ResponsePayload.</summary>
        private int Execute(Opcode opcode, byte[] message, int payload, int payloadLength, long now, out ResultCode result)
        {
            if (_credential.Role < Required(opcode))
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
                    result = _actions.RegisterBatteryChange(_credential.Role);
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
                    _actions.Audit(AuditEvent.Unpaired, 0, _credential.KeyId, _credential.UserId, _memory.Pairing.LockId);
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

        /// <summary>
        /// RevokeKeys: all or nothing. Ids already revoked (or repeated in the payload) take no
        /// room; when the new ones would overflow the list, RevocationListFull and nothing changes.
        /// </summary>
        private ResultCode Revoke(byte[] message, int payload, int payloadLength)
        {
            if (payloadLength == 0 || payloadLength % 4 != 0)
            {
                return ResultCode.BadFrame;
            }

            RevocationList revoked = _memory.Revoked;
            int end = payload + payloadLength;
            int fresh = 0;
            for (int offset = payload; offset < end; offset += 4)
            {
                uint key = Bytes.ReadUInt32(message, offset);
                if (!revoked.Contains(key) && !Repeated(message, payload, offset, key))
                {
                    fresh++;
                }
            }

            if (revoked.Count + fresh > revoked.Capacity)
            {
                // A half-applied revocation would be worse than a clear refusal.
                return ResultCode.RevocationListFull;
            }

            if (fresh == 0)
            {
                // All of them were revoked already: nothing to commit.
                return ResultCode.Ok;
            }

            for (int offset = payload; offset < end; offset += 4)
            {
                revoked.Add(Bytes.ReadUInt32(message, offset));
            }

            _memory.SaveRevocations();
            return ResultCode.Ok;
        }

        /// <summary>True when <paramref name="key"/> already came earlier in the payload, before <paramref name="offset"/>.</summary>
        private static bool Repeated(byte[] message, int payload, int offset, uint key)
        {
            for (int earlier = payload; earlier < offset; earlier += 4)
            {
                if (Bytes.ReadUInt32(message, earlier) == key)
                {
                    return true;
                }
            }

            return false;
        }

        private static Role Required(Opcode opcode)
        {
            return opcode == Opcode.RevokeKeys || opcode == Opcode.Unpair ? Role.Admin : Role.Staff;
        }

        /// <summary>Response: type counter(2) opcode result payload mac(8) under the session key.</summary>
        private void SendResponse(int counter, byte opcode, ResultCode result, int payloadLength)
        {
            _response[0] = MessageType.Command | MessageType.ResponseFlag;
            Bytes.WriteUInt16(_response, 1, counter);
            _response[3] = opcode;
            _response[4] = (byte)result;
            int signed = ResponsePayload + payloadLength;
            _input.Start(Labels.Response).Add(_response, 0, signed).ComputeWith(_sessionMac, _mac, 0);
            for (int i = 0; i < ProtocolInfo.MacLength; i++)
            {
                _response[signed + i] = _mac[i];
            }

            _sender.Send(_response, signed + ProtocolInfo.MacLength);
        }
    }
}
