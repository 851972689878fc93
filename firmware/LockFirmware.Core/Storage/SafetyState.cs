namespace LockFirmware.Storage
{
    /// <summary>
    /// What the lock must remember across power loss, encoded into its AtomicRecord's payload
    /// (fixed offsets, little-endian; bytes 0-3 are unused). The secret and revocations live
    /// in PairingState.
    /// </summary>
    public sealed class SafetyState
    {
        private const int AuditAcknowledgedOffset = 4;
        private const int AuditDroppedOffset = 8;
        private const int GasRiskOffset = 12;
        private const int VerifiedOffset = 13;
        private const int VerifyLocksOffset = 14;
        private const int VerifyUnlocksOffset = 15;
        private const int CompletedLocksOffset = 16;
        private const int CompletedUnlocksOffset = 20;
        private const int RestMillivoltsOffset = 24;
        private const int BootCountOffset = 28;
        private const int ClockLowerBoundOffset = 32;
        private const int TamperOffset = 36;
        private const int ConsumedOffset = 37;
        private const int MemoryResetOffset = 41;
        private const int FaultCountOffset = 45;
        private const int ClockPairedAtOffset = 49;
        private const int BackupLowOffset = 53;

        /// <summary>Bytes of payload it needs (the record's copy holds StorageLayout.SafetySlotSize - AtomicRecord.Overhead).</summary>
        public const int Size = 57;

        public uint AuditAcknowledgedUpTo;

        /// <summary>Unacknowledged audit records overwritten by the ring, as counted at the last acknowledgement (AuditLog.DroppedEarlier).</summary>
        public uint AuditDropped;

        /// <summary>A latched gas risk (GasRiskCause); survives reboots until a battery change is registered.</summary>
        public byte GasRisk;

        public bool BatteryVerified;
        public byte VerifyLocks;
        public byte VerifyUnlocks;
        public uint CompletedLocks;
        public uint CompletedUnlocks;

        /// <summary>Battery rest voltage when last measured: a much higher one at boot means a new battery.</summary>
        public int RestMillivolts;

        /// <summary>Boots so far: part of every session nonce, so nonces never repeat across power loss.</summary>
        public uint BootCount;

        /// <summary>The latest Unix time the lock has known: a time token may not go back beyond it.</summary>
        public uint ClockLowerBound;

        /// <summary>The tamper alarm (too many failed authentications), until a success.</summary>
        public bool Tamper;

        /// <summary>Charge drawn from the battery since it was fitted, mAh.</summary>
        public uint ConsumedMilliampHours;

        /// <summary>
        /// Sequence of the audit record saying the lock found its files blank or damaged at
        /// power-up (0: none): the MemoryReset warning stands until the backend acknowledges it.
        /// </summary>
        public uint MemoryResetSequence;

        /// <summary>Software faults contained so far (guard trips, exceptions): reported in the status.</summary>
        public uint FaultCount;

        /// <summary>
        /// The PairingState.PairedAt of the pairing under which <see cref="ClockLowerBound"/> was
        /// recorded: a mark saved under an older pairing does not hold for a newer one.
        /// </summary>
        public uint ClockPairedAt;

        /// <summary>
        /// Sequence of the BackupLow audit record of the backup's present fall (0: none, or the pack
        /// has recovered since): a mains-fed unit records one per fall, not one per power-up. Saved
        /// before that record is appended, so a start whose audit log never reached this sequence
        /// knows the record was lost to a power cut and records the fall again.
        /// </summary>
        public uint BackupLowSequence;

        public void Encode(byte[] payload)
        {
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = 0xFF;
            }

            Bytes.WriteUInt32(payload, AuditAcknowledgedOffset, AuditAcknowledgedUpTo);
            Bytes.WriteUInt32(payload, AuditDroppedOffset, AuditDropped);
            payload[GasRiskOffset] = GasRisk;
            payload[VerifiedOffset] = (byte)(BatteryVerified ? 1 : 0);
            payload[VerifyLocksOffset] = VerifyLocks;
            payload[VerifyUnlocksOffset] = VerifyUnlocks;
            Bytes.WriteUInt32(payload, CompletedLocksOffset, CompletedLocks);
            Bytes.WriteUInt32(payload, CompletedUnlocksOffset, CompletedUnlocks);
            Bytes.WriteUInt32(payload, RestMillivoltsOffset, (uint)RestMillivolts);
            Bytes.WriteUInt32(payload, BootCountOffset, BootCount);
            Bytes.WriteUInt32(payload, ClockLowerBoundOffset, ClockLowerBound);
            payload[TamperOffset] = (byte)(Tamper ? 1 : 0);
            Bytes.WriteUInt32(payload, ConsumedOffset, ConsumedMilliampHours);
            Bytes.WriteUInt32(payload, FaultCountOffset, FaultCount);
            Bytes.WriteUInt32(payload, ClockPairedAtOffset, ClockPairedAt);
            Bytes.WriteUInt32(payload, MemoryResetOffset, MemoryResetSequence);
            Bytes.WriteUInt32(payload, BackupLowOffset, BackupLowSequence);
        }

        public void Decode(byte[] payload)
        {
            AuditAcknowledgedUpTo = Bytes.ReadUInt32(payload, AuditAcknowledgedOffset);
            AuditDropped = Bytes.ReadUInt32(payload, AuditDroppedOffset);
            GasRisk = payload[GasRiskOffset];
            BatteryVerified = payload[VerifiedOffset] == 1;
            VerifyLocks = payload[VerifyLocksOffset];
            VerifyUnlocks = payload[VerifyUnlocksOffset];
            CompletedLocks = Bytes.ReadUInt32(payload, CompletedLocksOffset);
            CompletedUnlocks = Bytes.ReadUInt32(payload, CompletedUnlocksOffset);
            RestMillivolts = (int)Bytes.ReadUInt32(payload, RestMillivoltsOffset);
            BootCount = Bytes.ReadUInt32(payload, BootCountOffset);
            ClockLowerBound = Bytes.ReadUInt32(payload, ClockLowerBoundOffset);
            Tamper = payload[TamperOffset] == 1;
            ConsumedMilliampHours = Bytes.ReadUInt32(payload, ConsumedOffset);
            FaultCount = Bytes.ReadUInt32(payload, FaultCountOffset);
            ClockPairedAt = Bytes.ReadUInt32(payload, ClockPairedAtOffset);
            MemoryResetSequence = Bytes.ReadUInt32(payload, MemoryResetOffset);
            // A copy written before this field existed holds 0xFF there: no fall recorded.
            BackupLowSequence = Bytes.ReadUInt32(payload, BackupLowOffset);
            if (BackupLowSequence == 0xFFFFFFFF)
            {
                BackupLowSequence = 0;
            }
        }
    }
}
