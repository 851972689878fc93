using LockFirmware.Ports;
using LockFirmware.Security;

namespace LockFirmware.Storage
{
    /// <summary>
    /// The lock's files: the safety state, the pairing state and the revoked key ids (each an
    /// AtomicRecord) and the audit ring, named as StorageLayout says. Owns the payload buffers,
    /// so saving allocates nothing.
    /// Another small record (for example a unit identity: serial, factory key, ADC
    /// calibration) is one more AtomicRecord with its own name and payload buffer, mounted in
    /// <see cref="Mount"/> and saved by its own method; records never share a file, so each
    /// stays atomic on its own.
    /// </summary>
    public sealed class LockMemory
    {
        private readonly AtomicRecord _safety;
        private readonly AtomicRecord _pairing;
        private readonly byte[] _safetyPayload;
        private readonly byte[] _pairingPayload;
        private readonly AtomicRecord _identity;
        private readonly AtomicRecord _revoked;
        private readonly byte[] _revokedPayload;

        public LockMemory(IFileSystem files)
            : this(files, StorageLayout.AuditSegments)
        {
        }

        /// <param name="auditSegments">Segment files in the audit ring (LockSettings.AuditSegments).</param>
        public LockMemory(IFileSystem files, int auditSegments)
            : this(files, auditSegments, RevocationList.DoorCapacity)
        {
        }

        /// <param name="auditSegments">Segment files in the audit ring (LockSettings.AuditSegments).</param>
        /// <param name="revocationCapacity">Key ids the revocation list holds (RevocationList.CapacityFor the unit's kind).</param>
        public LockMemory(IFileSystem files, int auditSegments, int revocationCapacity)
        {
            _safety = new AtomicRecord(files, StorageLayout.SafetyName, StorageLayout.SafetySlotSize - AtomicRecord.Overhead);
            _pairing = new AtomicRecord(files, StorageLayout.PairingName, PairingState.SlotSize - AtomicRecord.Overhead);
            _safetyPayload = new byte[_safety.PayloadSize];
            _pairingPayload = new byte[_pairing.PayloadSize];
            Audit = new AuditLog(files, StorageLayout.AuditPrefix, auditSegments, StorageLayout.AuditRecordsPerSegment);
            _identity = new AtomicRecord(files, StorageLayout.IdentityName, StorageLayout.IdentitySlotSize - AtomicRecord.Overhead);
            State = new SafetyState();
            Pairing = new PairingState();
            Revoked = new RevocationList(revocationCapacity);
            _revoked = new AtomicRecord(files, StorageLayout.RevokedName, StorageLayout.RevokedHeader + 4 * revocationCapacity);
            _revokedPayload = new byte[_revoked.PayloadSize];
        }

        public SafetyState State { get; private set; }

        public PairingState Pairing { get; private set; }

        public AuditLog Audit { get; private set; }

        /// <summary>Key ids that no longer open the lock, under the current pairing; saved by <see cref="SaveRevocations"/>.</summary>
        public RevocationList Revoked { get; private set; }

        /// <summary>
        /// Reads both states and indexes the audit ring. A state that is missing or damaged
        /// keeps its defaults: unpaired, nothing latched, boot count 0.
        /// </summary>
        public StorageHealth Mount()
        {
            RecordState safety = _safety.Mount(_safetyPayload);
            if (safety == RecordState.Found)
            {
                State.Decode(_safetyPayload);
            }

            RecordState pairing = _pairing.Mount(_pairingPayload);
            if (pairing == RecordState.Found)
            {
                Pairing.Decode(_pairingPayload);
            }

            RecordState revoked = MountRevocations();
            Audit.Restore(State.AuditAcknowledgedUpTo, State.AuditDropped);
            int records = Audit.Mount();
            if (safety == RecordState.Damaged || pairing == RecordState.Damaged || revoked == RecordState.Damaged)
            {
                return StorageHealth.Damaged;
            }

            if (safety == RecordState.Missing)
            {
                // The safety state is saved at every boot: without it, anything else found is a remnant.
                return records == 0 && pairing == RecordState.Missing && revoked == RecordState.Missing ? StorageHealth.Blank : StorageHealth.Damaged;
            }

            return StorageHealth.Intact;
        }

        /// <summary>Commits the current safety state as one atomic copy; false when the file system refused it.</summary>
        public bool Save()
        {
            State.AuditAcknowledgedUpTo = Audit.AcknowledgedUpTo;
            State.AuditDropped = Audit.DroppedEarlier;
            State.Encode(_safetyPayload);
            return _safety.Save(_safetyPayload);
        }

        /// <summary>Commits the pairing state (secret, id, time, generation) as one atomic copy.</summary>
        public bool SavePairing()
        {
            Pairing.Encode(_pairingPayload);
            return _pairing.Save(_pairingPayload);
        }

        /// <summary>Back to stock in RAM (PAIR, Unpair, a memory reset): a new pairing generation and no revocations; the caller commits it with <see cref="SavePairing"/>.</summary>
        public void WipePairing()
        {
            Pairing.Wipe();
            Revoked.Clear();
        }

        /// <summary>Commits the revoked key ids, stamped with the current pairing's generation, as one atomic copy.</summary>
        public bool SaveRevocations()
        {
            for (int i = 0; i < _revokedPayload.Length; i++)
            {
                _revokedPayload[i] = 0xFF;
            }

            Bytes.WriteUInt32(_revokedPayload, 0, Pairing.Generation);
            Bytes.WriteUInt16(_revokedPayload, 4, Revoked.Count);
            Revoked.Encode(_revokedPayload, StorageLayout.RevokedHeader);
            return _revoked.Save(_revokedPayload);
        }

        /// <summary>
        /// Reads the revoked key ids after the pairing. A list stamped with an earlier pairing
        /// generation was ended by a PAIR or an unpairing (maybe cut before a new list was saved):
        /// none of it counts. A stamp ahead of the pairing cannot come from any sequence of
        /// commits, only from damage: the list is not used, and later wipes start past the stamp.
        /// </summary>
        private RecordState MountRevocations()
        {
            Revoked.Clear();
            RecordState found = _revoked.Mount(_revokedPayload);
            if (found != RecordState.Found)
            {
                return found;
            }

            uint stamp = Bytes.ReadUInt32(_revokedPayload, 0);
            if (stamp > Pairing.Generation)
            {
                Pairing.Generation = stamp;
                return RecordState.Damaged;
            }

            if (stamp == Pairing.Generation && !Revoked.Decode(_revokedPayload, StorageLayout.RevokedHeader, Bytes.ReadUInt16(_revokedPayload, 4)))
            {
                return RecordState.Damaged;
            }

            return RecordState.Found;
        }

        /// <summary>Reads the unit identity PROVISION wrote; false (identity untouched) on a unit never provisioned.</summary>
        public bool LoadIdentity(UnitIdentity identity)
        {
            // Its own store, read once at boot: the payload buffer is boot-time garbage only.
            byte[] payload = new byte[_identity.PayloadSize];
            if (_identity.Mount(payload) != RecordState.Found)
            {
                return false;
            }

            identity.Decode(payload);
            return identity.Provisioned;
        }

        /// <summary>Commits the unit identity as one atomic copy (PROVISION, once per unit); false when the file system refused it.</summary>
        public bool SaveIdentity(UnitIdentity identity)
        {
            byte[] payload = new byte[_identity.PayloadSize];
            _identity.Mount(payload); // finds which copy is current, whatever ran before
            identity.Encode(payload);
            return _identity.Save(payload);
        }

        /// <summary>The backend has the records up to <paramref name="sequence"/>: the ring may overwrite them.</summary>
        public void Acknowledge(uint sequence)
        {
            if (Audit.Acknowledge(sequence))
            {
                Save();
            }
        }
    }
}
