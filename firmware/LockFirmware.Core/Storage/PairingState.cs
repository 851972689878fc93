using LockFirmware.Security;

namespace LockFirmware.Storage
{
    /// <summary>
    /// Who the lock belongs to: its id, organisation and secret, and the revoked key ids.
    /// Encoded into its own AtomicRecord (a 256-byte copy), so pairing, unpairing and
    /// revocation are atomic like every other state change. The secret never leaves the unit.
    /// </summary>
    public sealed class PairingState
    {
        public const int SecretLength = 32;
        public const int SlotSize = 256;

        private const int PairedOffset = 0;
        private const int LockIdOffset = 1;
        private const int OrganisationOffset = 5;
        private const int SecretOffset = 6;
        private const int RevokedCountOffset = SecretOffset + SecretLength;
        private const int RevokedOffset = RevokedCountOffset + 1;
        private const int PairedAtOffset = RevokedOffset + RevocationList.Capacity * 4;

        public readonly byte[] Secret = new byte[SecretLength];
        public readonly RevocationList Revoked = new RevocationList();
        public bool Paired;
        public uint LockId;
        public byte Organisation;

        /// <summary>
        /// The pairing's time (Unix seconds, sealed in PAIR): the clock's high-water mark starts
        /// here. Kept in this record so the new secret and its time commit together.
        /// </summary>
        public uint PairedAt;

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

            payload[RevokedCountOffset] = (byte)Revoked.Count;
            for (int i = 0; i < Revoked.Count; i++)
            {
                Bytes.WriteUInt32(payload, RevokedOffset + i * 4, Revoked[i]);
            }
            Bytes.WriteUInt32(payload, PairedAtOffset, PairedAt);
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

            Revoked.Clear();
            int count = payload[RevokedCountOffset];
            for (int i = 0; i < count && i < RevocationList.Capacity; i++)
            {
                Revoked.Add(Bytes.ReadUInt32(payload, RevokedOffset + i * 4));
            }

            PairedAt = Bytes.ReadUInt32(payload, PairedAtOffset);
        }

        /// <summary>Back to stock: no secret, no revocations.</summary>
        public void Wipe()
        {
            Paired = false;
            LockId = 0;
            Organisation = 0;
            PairedAt = 0;
            for (int i = 0; i < SecretLength; i++)
            {
                Secret[i] = 0;
            }

            Revoked.Clear();
        }
    }
}
