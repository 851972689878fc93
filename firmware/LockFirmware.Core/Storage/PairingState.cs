namespace LockFirmware.Storage
{
    /// <summary>
    /// Who the lock belongs to: its id, organisation and secret, and the generation of this
    /// pairing; and fingerprints of the last two secrets paired, so a PAIR cannot bring one back
    /// (LockProtocol). Encoded into its own AtomicRecord (a 96-byte copy), so pairing and unpairing are
    /// atomic like every other state change. The revoked key ids have their own record, stamped
    /// with the generation they belong to (LockMemory). The secret never leaves the unit.
    /// </summary>
    public sealed class PairingState
    {
        public const int SecretLength = 32;

        /// <summary>Bytes of a secret's fingerprint: HMAC(factoryKey, "LOCK-PRINT" || secret)[..16].</summary>
        public const int PrintLength = 16;
        public const int SlotSize = 96;

        private const int PairedOffset = 0;
        private const int LockIdOffset = 1;
        private const int OrganisationOffset = 5;
        private const int SecretOffset = 6;
        private const int PairedAtOffset = SecretOffset + SecretLength;
        private const int GenerationOffset = PairedAtOffset + 4;
        private const int PrintsHeldOffset = GenerationOffset + 4;
        private const int LastPrintOffset = PrintsHeldOffset + 1;
        private const int PreviousPrintOffset = LastPrintOffset + PrintLength;

        private readonly byte[] _lastPrint = new byte[PrintLength];
        private readonly byte[] _previousPrint = new byte[PrintLength];
        private int _printsHeld;

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
            payload[PrintsHeldOffset] = (byte)_printsHeld;
            System.Array.Copy(_lastPrint, 0, payload, LastPrintOffset, PrintLength);
            System.Array.Copy(_previousPrint, 0, payload, PreviousPrintOffset, PrintLength);
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
            _printsHeld = payload[PrintsHeldOffset] <= 2 ? payload[PrintsHeldOffset] : 0;
            System.Array.Copy(payload, LastPrintOffset, _lastPrint, 0, PrintLength);
            System.Array.Copy(payload, PreviousPrintOffset, _previousPrint, 0, PrintLength);
        }

        /// <summary>True when <paramref name="print"/> is the fingerprint of the last or the one-before-last secret paired (constant time).</summary>
        public bool Remembers(byte[] print, int offset)
        {
            bool last = _printsHeld >= 1 && Security.ConstantTime.Equals(print, offset, _lastPrint, 0, PrintLength);
            bool previous = _printsHeld >= 2 && Security.ConstantTime.Equals(print, offset, _previousPrint, 0, PrintLength);
            return last | previous;
        }

        /// <summary>A new secret is paired: its fingerprint becomes the last, the last the previous (committed with the secret).</summary>
        public void NotePrint(byte[] print, int offset)
        {
            System.Array.Copy(_lastPrint, 0, _previousPrint, 0, PrintLength);
            System.Array.Copy(print, offset, _lastPrint, 0, PrintLength);
            if (_printsHeld < 2)
            {
                _printsHeld++;
            }
        }

        /// <summary>Back to stock: no secret; a new generation, so the revocations saved so far no longer count. The fingerprints stay: an unpaired unit must not take its old secret back either.</summary>
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
