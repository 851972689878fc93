using LockFirmware.Ble;
using LockFirmware.Ports;
using LockFirmware.Security;
using LockFirmware.Storage;

namespace LockFirmware.Protocol
{
    /// <summary>
    /// Production and pairing (docs/PROTOCOL.md, "Provisioning" and "Pairing"). PROVISION writes
    /// the unit identity once. PAIR carries the lock secret sealed for this unit: AES-128-CBC
    /// under a key derived from the factory key, then a MAC over the unit's serial and the
    /// pairing nonce of the window opened by a long press, so a recorded PAIR is worthless in
    /// any later window and the secret never crosses the air in clear. A PAIR on a paired unit
    /// (installer at the unit) re-pairs it: the recovery from a clock set too far ahead. Its
    /// secret must be new (not the one held, nor the one of the pairing before), or the re-pairing
    /// would clear the revocations while the old credentials stay valid.
    /// </summary>
    public sealed partial class LockProtocol
    {
        private const int ProvisionLength = 1 + UnitIdentity.SerialLength + UnitIdentity.FactoryKeyLength + 2;
        private const int PairIdOffset = 1;
        private const int PairOrganisationOffset = 5;
        private const int PairTimeOffset = 6;
        private const int PairIvOffset = 10;
        private const int PairSealedOffset = PairIvOffset + 16;
        private const int PairMacOffset = PairSealedOffset + PairingState.SecretLength;
        private const int PairLength = PairMacOffset + ProtocolInfo.PairMacLength;

        private readonly byte[] _pairingNonce = new byte[32];
        private readonly byte[] _aesKey = new byte[16];
        private readonly byte[] _iv = new byte[16];

        /// <summary>The secret a PAIR carries, held here until it is known to be new.</summary>
        private readonly byte[] _candidate = new byte[PairingState.SecretLength];
        private IKeyedMac _factoryMac;
        private uint _pairingWindows;
        private long _pairingUntil = -1;

        /// <summary>A long press on a provisioned unit: PAIR is accepted for a minute, under a fresh pairing nonce.</summary>
        public void OpenPairingWindow(long now)
        {
            if (_factoryMac == null)
            {
                return;
            }

            _pairingWindows++;
            _input.Start(Labels.PairingNonce).AddUInt32(_memory.State.BootCount).AddUInt32(_pairingWindows).ComputeWith(_factoryMac, _pairingNonce, 0);
            _pairingUntil = now + ProtocolInfo.PairingWindowMs;
        }

        private bool PairingOpen(long now)
        {
            return _pairingUntil >= 0 && now <= _pairingUntil;
        }

        /// <summary>PROVISION: serial(8) factoryKey(32) adcCalibration(2), on a unit that has no identity yet.</summary>
        private void Provision(byte[] message, int length)
        {
            if (length != ProvisionLength)
            {
                Reply(MessageType.Provision, ResultCode.BadFrame);
                return;
            }

            if (Identity.Provisioned)
            {
                Reply(MessageType.Provision, ResultCode.AlreadyProvisioned);
                return;
            }

            if (!Identity.TryRead(message, 1))
            {
                Reply(MessageType.Provision, ResultCode.BadFrame);
                return;
            }

            _memory.SaveIdentity(Identity);
            KeyFactoryMac();
            Reply(MessageType.Provision, ResultCode.Ok);
        }

        /// <summary>
        /// PAIR: lockId(4) organisation(1) unix(4) iv(16) sealedSecret(32) mac(16), where
        /// mac = HMAC(pairMacKey, "LOCK-PAIR" || serial || pairingNonce || lockId..sealedSecret)[..16].
        /// </summary>
        private void Pair(byte[] message, int length, long now)
        {
            if (length != PairLength)
            {
                Reply(MessageType.Pair, ResultCode.BadFrame);
                return;
            }

            if (_factoryMac == null)
            {
                Reply(MessageType.Pair, ResultCode.NotProvisioned);
                return;
            }

            if (Throttle.IsBlocked(now))
            {
                Reply(MessageType.Pair, ResultCode.BackOff);
                return;
            }

            if (!PairingOpen(now))
            {
                Reply(MessageType.Pair, ResultCode.PairingClosed);
                return;
            }

            _input.Start(Labels.PairMacKey).ComputeWith(_factoryMac, _key, 0);
            IKeyedMac pairMac = _macs.Create(_key, 0, 32);
            _input.Start(Labels.Pair)
                .Add(Identity.Serial, 0, UnitIdentity.SerialLength)
                .Add(_pairingNonce, 0, ProtocolInfo.PairingNonceLength)
                .Add(message, PairIdOffset, PairMacOffset - PairIdOffset)
                .ComputeWith(pairMac, _mac, 0);
            if (!ConstantTime.Equals(_mac, 0, message, PairMacOffset, ProtocolInfo.PairMacLength))
            {
                CountFailure(MessageType.Pair, ResultCode.BadMac, now);
                Reply(MessageType.Pair, ResultCode.BadMac);
                return;
            }

            _input.Start(Labels.PairEncryptionKey).ComputeWith(_factoryMac, _key, 0);
            for (int i = 0; i < 16; i++)
            {
                _aesKey[i] = _key[i];
                _iv[i] = message[PairIvOffset + i];
            }

            bool repair = _memory.Pairing.Paired;
            PairingState pairing = _memory.Pairing;
            _aes.Decrypt(_aesKey, _iv, message, PairSealedOffset, PairingState.SecretLength, _candidate, 0);
            _input.Start(Labels.SecretPrint).Add(_candidate, 0, PairingState.SecretLength).ComputeWith(_factoryMac, _mac, 0);
            if ((repair && ConstantTime.Equals(_candidate, 0, pairing.Secret, 0, PairingState.SecretLength)) || pairing.Remembers(_mac, 0))
            {
                // The revocations would go and the credentials issued under that secret stay valid.
                System.Array.Clear(_candidate, 0, PairingState.SecretLength);
                _actions.Audit(AuditEvent.Refused, (byte)ResultCode.SecretReused, 0, 0, MessageType.Pair);
                Reply(MessageType.Pair, ResultCode.SecretReused);
                return;
            }

            // A new generation: the revocations saved under the old pairing no longer count, in
            // the same commit as the new secret (LockMemory.MountRevocations).
            _memory.WipePairing();
            System.Array.Copy(_candidate, 0, pairing.Secret, 0, PairingState.SecretLength);
            System.Array.Clear(_candidate, 0, PairingState.SecretLength);
            pairing.NotePrint(_mac, 0);
            pairing.LockId = Bytes.ReadUInt32(message, PairIdOffset);
            pairing.Organisation = message[PairOrganisationOffset];
            pairing.Paired = true;
            pairing.PairedAt = Bytes.ReadUInt32(message, PairTimeOffset);
            // The new secret and its time commit together: a cut before the safety state follows
            // leaves the new pairing's time as the high-water mark at the next boot (LockCore),
            // never a lowered mark with the old secret (which would let old tokens turn the clock back).
            _memory.SavePairing();
            Clock.Restart(Bytes.ReadUInt32(message, PairTimeOffset), now);
            _actions.Persist();

            _pairingUntil = -1;
            CloseSession();
            KeyLockSecret();
            Throttle.Success();
            _actions.Audit(AuditEvent.Paired, (byte)(repair ? 1 : 0), 0, 0, pairing.LockId);
            Reply(MessageType.Pair, ResultCode.Ok);
        }

        private void KeyFactoryMac()
        {
            _factoryMac = Identity.Provisioned ? _macs.Create(Identity.FactoryKey, 0, UnitIdentity.FactoryKeyLength) : null;
        }
    }
}
