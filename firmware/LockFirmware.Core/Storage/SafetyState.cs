namespace LockFirmware.Storage
{
    /// <summary>
    /// What the lock must remember across power loss, encoded into the ConfigStore's payload
    /// (fixed offsets, little-endian). Pairing, secrets and revoked keys join it with the BLE
    /// protocol issue; the payload has room for them.
    /// </summary>
    public sealed class SafetyState
    {
        private const int CommandCounterOffset = 0;
        private const int AuditAcknowledgedOffset = 4;
        private const int AuditDroppedOffset = 8;
        private const int GasRiskOffset = 12;
        private const int VerifiedOffset = 13;
        private const int VerifyLocksOffset = 14;
        private const int VerifyUnlocksOffset = 15;
        private const int CompletedLocksOffset = 16;
        private const int CompletedUnlocksOffset = 20;
        private const int RestMillivoltsOffset = 24;

        /// <summary>Last accepted command counter: a replay stays a replay after a reboot.</summary>
        public uint CommandCounter;

        public uint AuditAcknowledgedUpTo;

        /// <summary>Unacknowledged audit records ever overwritten by the ring (reported, never hidden).</summary>
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

        public void Encode(byte[] payload)
        {
            for (int i = 0; i < ConfigStore.PayloadSize; i++)
            {
                payload[i] = 0xFF;
            }

            Bytes.WriteUInt32(payload, CommandCounterOffset, CommandCounter);
            Bytes.WriteUInt32(payload, AuditAcknowledgedOffset, AuditAcknowledgedUpTo);
            Bytes.WriteUInt32(payload, AuditDroppedOffset, AuditDropped);
            payload[GasRiskOffset] = GasRisk;
            payload[VerifiedOffset] = (byte)(BatteryVerified ? 1 : 0);
            payload[VerifyLocksOffset] = VerifyLocks;
            payload[VerifyUnlocksOffset] = VerifyUnlocks;
            Bytes.WriteUInt32(payload, CompletedLocksOffset, CompletedLocks);
            Bytes.WriteUInt32(payload, CompletedUnlocksOffset, CompletedUnlocks);
            Bytes.WriteUInt32(payload, RestMillivoltsOffset, (uint)RestMillivolts);
        }

        public void Decode(byte[] payload)
        {
            CommandCounter = Bytes.ReadUInt32(payload, CommandCounterOffset);
            AuditAcknowledgedUpTo = Bytes.ReadUInt32(payload, AuditAcknowledgedOffset);
            AuditDropped = Bytes.ReadUInt32(payload, AuditDroppedOffset);
            GasRisk = payload[GasRiskOffset];
            BatteryVerified = payload[VerifiedOffset] == 1;
            VerifyLocks = payload[VerifyLocksOffset];
            VerifyUnlocks = payload[VerifyUnlocksOffset];
            CompletedLocks = Bytes.ReadUInt32(payload, CompletedLocksOffset);
            CompletedUnlocks = Bytes.ReadUInt32(payload, CompletedUnlocksOffset);
            RestMillivolts = (int)Bytes.ReadUInt32(payload, RestMillivoltsOffset);
        }
    }
}
