using LockFirmware.Ports;
using LockFirmware.Security;

namespace LockFirmware.Storage
{
    /// <summary>
    /// The lock's flash: the safety state and the pairing state (each as atomic copies in a
    /// ConfigStore) and the audit ring, laid out as StorageLayout says. Owns the payload
    /// buffers, so saving allocates nothing.
    /// </summary>
    public sealed class LockMemory
    {
        private readonly ConfigStore _safety;
        private readonly ConfigStore _pairing;
        private readonly byte[] _safetyPayload;
        private readonly byte[] _pairingPayload;
        private readonly ConfigStore _identity;

        public LockMemory(IFlash flash)
        {
            _safety = new ConfigStore(flash, StorageLayout.SafetyFirstSector, StorageLayout.SafetySlotSize);
            _pairing = new ConfigStore(flash, StorageLayout.PairingFirstSector, PairingState.SlotSize);
            _safetyPayload = new byte[_safety.PayloadSize];
            _pairingPayload = new byte[_pairing.PayloadSize];
            _identity = new ConfigStore(flash, StorageLayout.IdentityFirstSector, StorageLayout.IdentitySlotSize);
            Audit = new AuditLog(flash, StorageLayout.AuditFirstSector, flash.SectorCount - StorageLayout.AuditFirstSector);
            State = new SafetyState();
            Pairing = new PairingState();
        }

        public SafetyState State { get; private set; }

        public PairingState Pairing { get; private set; }

        public AuditLog Audit { get; private set; }

        /// <summary>Reads both states and finds the audit ring; a unit that never saved starts unpaired and blank.</summary>
        public void Mount()
        {
            if (_safety.Mount(_safetyPayload))
            {
                State.Decode(_safetyPayload);
            }

            if (_pairing.Mount(_pairingPayload))
            {
                Pairing.Decode(_pairingPayload);
            }

            Audit.AcknowledgedUpTo = State.AuditAcknowledgedUpTo;
            Audit.Dropped = State.AuditDropped;
            Audit.Mount();
        }

        /// <summary>Writes the current safety state as one atomic copy.</summary>
        public void Save()
        {
            State.AuditAcknowledgedUpTo = Audit.AcknowledgedUpTo;
            State.AuditDropped = Audit.Dropped;
            State.Encode(_safetyPayload);
            _safety.Save(_safetyPayload);
        }

        /// <summary>Writes the pairing state (secret, id, revocations) as one atomic copy.</summary>
        public void SavePairing()
        {
            Pairing.Encode(_pairingPayload);
            _pairing.Save(_pairingPayload);
        }

        /// <summary>Reads the unit identity PROVISION wrote; false (identity untouched) on a unit never provisioned.</summary>
        public bool LoadIdentity(UnitIdentity identity)
        {
            // Its own store, read once at boot: the payload buffer is boot-time garbage only.
            byte[] payload = new byte[_identity.PayloadSize];
            if (!_identity.Mount(payload))
            {
                return false;
            }

            identity.Decode(payload);
            return identity.Provisioned;
        }

        /// <summary>Writes the unit identity as one atomic copy (PROVISION, once per unit).</summary>
        public void SaveIdentity(UnitIdentity identity)
        {
            byte[] payload = new byte[_identity.PayloadSize];
            _identity.Mount(payload); // finds where the next copy goes, whatever ran before
            identity.Encode(payload);
            _identity.Save(payload);
        }

        /// <summary>The backend has the records up to <paramref name="sequence"/>: the ring may overwrite them.</summary>
        public void Acknowledge(uint sequence)
        {
            if (sequence > Audit.AcknowledgedUpTo && sequence < Audit.NextSequence)
            {
                Audit.AcknowledgedUpTo = sequence;
                Save();
            }
        }
    }
}
