namespace LockFirmware.Storage
{
    /// <summary>
    /// Who the lock belongs to: its id, organisation and secret, and the generation of this
    /// pairing. Encoded into its own AtomicRecord (a 64-byte copy), so pairing and unpairing are
    /// atomic like every other state change. The revoked key ids have their own record, stamped
    /// with the generation they belong to (LockMemory). The secret never leaves the unit.
    /// </summary>
    public sealed class PairingState
    {
        public const int SecretLength = 32;
        public const int SlotSize = 64;

        private const int PairedOffset = 0;
        private const int LockIdOffset = 1;
        private const int OrganisationOffset = 5;
        private const int SecretOffset = 6;
        private const int PairedAtOffset = SecretOffset + SecretLength;
        private const int GenerationOffset = PairedAtOffset + 4;

        public readonly byte[] Secret = new byte[SecretLength];
        public bool Paired;
        public uint LockId;
        public byte Organisation;

        /// <summary>
        /// The pairing's time (Unix seconds, sealed in PAIR): the clock's high-water mark starts
        /// here. Kept in this record so the new secret and its time commit together.
        /// </summary>
        public uint PairedAt;

        /// <summary>
        /// Counts the owners this unit has had: every wipe (PAIR, Unpair, a memory reset) starts a
        /// new generation, committed with the new secret. Revocations saved under an earlier
        /// generation no longer count, so no cut can leave a new secret with old revocations.
        /// </summary>
        public uint Generation;

        public void Encode(byte[] payload)
        {
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = 0xFF;
            }

            payload[PairedOffset] = (byte)(Paired ? 1 : 0);
            Bytes.WriteUInt32(payload, LockIdOffset, LockId);
            payload[OrganisationOffset] = Organisation;
            for (int i = 0; i < SecretLength; i++)
            {
                payload[SecretOffset + i] = Secret[i];
            }

            Bytes.WriteUInt32(payload, PairedAtOffset, PairedAt);
            Bytes.WriteUInt32(payload, GenerationOffset, Generation);
        }

        public void Decode(byte[] payload)
        {
            Paired = payload[PairedOffset] == 1;
            LockId = Bytes.ReadUInt32(payload, LockIdOffset);
            Organisation = payload[OrganisationOffset];
            for (int i = 0; i < SecretLength; i++)
            {
                Secret[i] = payload[SecretOffset + i];
            }

            PairedAt = Bytes.ReadUInt32(payload, PairedAtOffset);
            Generation = Bytes.ReadUInt32(payload, GenerationOffset);
        }

        /// <summary>Back to stock: no secret; a new generation, so the revocations saved so far no longer count.</summary>
        public void Wipe()
        {
            Generation++;
            Paired = false;
            LockId = 0;
            Organisation = 0;
            PairedAt = 0;
            for (int i = 0; i < SecretLength; i++)
            {
                Secret[i] = 0;
            }
        }
    }
}
