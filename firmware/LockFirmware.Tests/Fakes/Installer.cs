using LockFirmware.Ports;
using LockFirmware.Protocol;
using LockFirmware.Security;
using LockFirmware.Tests.Crypto;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The back office's side of a re-pairing (docs/PROTOCOL.md, "Pairing") for the documented
    /// unit, in whatever pairing window it has open: reads the window's nonce from INFO and seals
    /// a PAIR for it. The tests carry AES decryption only, so the "sealed" secret is chosen first
    /// and the secret the lock will hold is what it decrypts to; the MAC is made as the document
    /// says, so the lock takes it as the back office's.
    /// </summary>
    public sealed class Installer
    {
        private const int PairLength = 74;

        private readonly ManagedMacFactory _macs = new ManagedMacFactory();
        private readonly ManagedAesCbc _aes = new ManagedAesCbc();
        private readonly IKeyedMac _factory;
        private readonly MacInput _input = new MacInput();
        private readonly byte[] _key = new byte[32];
        private readonly byte[] _aesKey = new byte[16];
        private readonly byte[] _iv = new byte[16];

        public Installer()
        {
            _factory = _macs.Create(Hex.Bytes(ProtocolVectors.FactoryKey), 0, 32);
        }

        /// <summary>The secret the lock holds after the last <see cref="Pair"/> is accepted.</summary>
        public byte[] Secret { get; private set; }

        /// <summary>
        /// PAIR for <paramref name="unit"/>'s open window: lock id, organisation 1, the time
        /// <paramref name="unix"/>, a sealed secret made from <paramref name="seed"/>.
        /// </summary>
        public byte[] Pair(TestLock unit, uint lockId, uint unix, byte seed)
        {
            unit.Send("01");
            int length;
            byte[] info = unit.LastMessage(out length);

            byte[] pair = new byte[PairLength];
            pair[0] = 0x04;
            Bytes.WriteUInt32(pair, 1, lockId);
            pair[5] = 1;
            Bytes.WriteUInt32(pair, 6, unix);
            for (int i = 10; i < 58; i++)
            {
                pair[i] = (byte)(seed + i * 7);
            }

            _input.Start(Labels.PairEncryptionKey).ComputeWith(_factory, _key, 0);
            for (int i = 0; i < 16; i++)
            {
                _aesKey[i] = _key[i];
                _iv[i] = pair[10 + i];
            }

            Secret = new byte[32];
            _aes.Decrypt(_aesKey, _iv, pair, 26, 32, Secret, 0);

            _input.Start(Labels.PairMacKey).ComputeWith(_factory, _key, 0);
            IKeyedMac pairMac = _macs.Create(_key, 0, 32);
            // INFO: type result flags(2) hw fw fw protocol... serial at 11, the nonce at 19.
            _input.Start(Labels.Pair)
                .Add(info, 11, 8)
                .Add(info, 19, ProtocolInfo.PairingNonceLength)
                .Add(pair, 1, 57)
                .ComputeWith(pairMac, _key, 0);
            for (int i = 0; i < ProtocolInfo.PairMacLength; i++)
            {
                pair[58 + i] = _key[i];
            }

            return pair;
        }
    }
}
