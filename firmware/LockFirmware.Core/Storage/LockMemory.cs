using LockFirmware.Ports;

namespace LockFirmware.Storage
{
    /// <summary>
    /// The lock's flash: the safety state (atomic copies in ConfigStore) and the audit ring,
    /// laid out as StorageLayout says. Owns the one payload buffer, so saving allocates nothing.
    /// </summary>
    public sealed class LockMemory
    {
        private readonly ConfigStore _config;
        private readonly byte[] _payload = new byte[ConfigStore.PayloadSize];

        public LockMemory(IFlash flash)
        {
            _config = new ConfigStore(flash, StorageLayout.ConfigFirstSector);
            Audit = new AuditLog(flash, StorageLayout.AuditFirstSector, flash.SectorCount - StorageLayout.AuditFirstSector);
            State = new SafetyState();
        }

        public SafetyState State { get; private set; }

        public AuditLog Audit { get; private set; }

        /// <summary>Reads the state and finds the audit ring; false on a unit that has never saved.</summary>
        public bool Mount()
        {
            bool found = _config.Mount(_payload);
            if (found)
            {
                State.Decode(_payload);
            }

            Audit.AcknowledgedUpTo = State.AuditAcknowledgedUpTo;
            Audit.Dropped = State.AuditDropped;
            Audit.Mount();
            return found;
        }

        /// <summary>Writes the current state as one atomic copy.</summary>
        public void Save()
        {
            State.AuditAcknowledgedUpTo = Audit.AcknowledgedUpTo;
            State.AuditDropped = Audit.Dropped;
            State.Encode(_payload);
            _config.Save(_payload);
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
