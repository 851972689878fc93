namespace LockFirmware.Tests.Crypto
{
    /// <summary>
    /// The AES-128 block cipher's inverse (FIPS-197, section 5.3), for the device tests: the
    /// S-boxes are derived at construction from their definition (multiplicative inverse in
    /// GF(2^8), then the affine map of section 5.1.1) rather than typed in, and the key schedule
    /// is section 5.2's. Decryption only: the lock never encrypts. For tests only; the
    /// application keeps nanoFramework's native Aes.
    /// </summary>
    public sealed class Aes128
    {
        public const int BlockSize = 16;
        private const int Rounds = 10;

        private readonly byte[] _sbox = new byte[256];
        private readonly byte[] _inverseSbox = new byte[256];
        private readonly byte[] _roundKeys = new byte[BlockSize * (Rounds + 1)];
        private readonly byte[] _state = new byte[BlockSize];
        private readonly byte[] _column = new byte[4];

        public Aes128()
        {
            for (int value = 0; value < 256; value++)
            {
                byte inverse = Inverse((byte)value);
                // b XOR rot1(b) XOR rot2(b) XOR rot3(b) XOR rot4(b) XOR 0x63
                int s = inverse;
                int x = inverse;
                for (int r = 0; r < 4; r++)
                {
                    x = ((x << 1) | (x >> 7)) & 0xFF;
                    s ^= x;
                }

                _sbox[value] = (byte)(s ^ 0x63);
                _inverseSbox[s ^ 0x63] = (byte)value;
            }
        }

        /// <summary>Expands a 16-byte key (section 5.2) for the following block decryptions.</summary>
        public void SetKey(byte[] key, int offset)
        {
            for (int i = 0; i < BlockSize; i++)
            {
                _roundKeys[i] = key[offset + i];
            }

            byte rcon = 1;
            for (int i = BlockSize; i < _roundKeys.Length; i += 4)
            {
                byte t0 = _roundKeys[i - 4];
                byte t1 = _roundKeys[i - 3];
                byte t2 = _roundKeys[i - 2];
                byte t3 = _roundKeys[i - 1];
                if (i % BlockSize == 0)
                {
                    // RotWord, SubWord, Rcon.
                    byte first = t0;
                    t0 = (byte)(_sbox[t1] ^ rcon);
                    t1 = _sbox[t2];
                    t2 = _sbox[t3];
                    t3 = _sbox[first];
                    rcon = Times2(rcon);
                }

                _roundKeys[i] = (byte)(_roundKeys[i - BlockSize] ^ t0);
                _roundKeys[i + 1] = (byte)(_roundKeys[i - BlockSize + 1] ^ t1);
                _roundKeys[i + 2] = (byte)(_roundKeys[i - BlockSize + 2] ^ t2);
                _roundKeys[i + 3] = (byte)(_roundKeys[i - BlockSize + 3] ^ t3);
            }
        }

        /// <summary>Decrypts one block of input at inputOffset into output at outputOffset (they may be the same place).</summary>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            for (int i = 0; i < BlockSize; i++)
            {
                _state[i] = (byte)(input[inputOffset + i] ^ _roundKeys[Rounds * BlockSize + i]);
            }

            for (int round = Rounds - 1; round >= 0; round--)
            {
                InverseShiftRows();
                for (int i = 0; i < BlockSize; i++)
                {
                    _state[i] = (byte)(_inverseSbox[_state[i]] ^ _roundKeys[round * BlockSize + i]);
                }

                if (round > 0)
                {
                    InverseMixColumns();
                }
            }

            for (int i = 0; i < BlockSize; i++)
            {
                output[outputOffset + i] = _state[i];
            }
        }

        /// <summary>Row r moves r places to the right; the state is column-major (byte c*4 + r).</summary>
        private void InverseShiftRows()
        {
            for (int row = 1; row < 4; row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    _column[(c + row) % 4] = _state[c * 4 + row];
                }

                for (int c = 0; c < 4; c++)
                {
                    _state[c * 4 + row] = _column[c];
                }
            }
        }

        /// <summary>Each column times {0e 0b 0d 09} (section 5.3.3).</summary>
        private void InverseMixColumns()
        {
            for (int c = 0; c < 16; c += 4)
            {
                byte a0 = _state[c];
                byte a1 = _state[c + 1];
                byte a2 = _state[c + 2];
                byte a3 = _state[c + 3];
                _state[c] = (byte)(Multiply(a0, 14) ^ Multiply(a1, 11) ^ Multiply(a2, 13) ^ Multiply(a3, 9));
                _state[c + 1] = (byte)(Multiply(a0, 9) ^ Multiply(a1, 14) ^ Multiply(a2, 11) ^ Multiply(a3, 13));
                _state[c + 2] = (byte)(Multiply(a0, 13) ^ Multiply(a1, 9) ^ Multiply(a2, 14) ^ Multiply(a3, 11));
                _state[c + 3] = (byte)(Multiply(a0, 11) ^ Multiply(a1, 13) ^ Multiply(a2, 9) ^ Multiply(a3, 14));
            }
        }

        /// <summary>xtime (section 4.2.1): multiplication by x modulo x^8 + x^4 + x^3 + x + 1.</summary>
        private static byte Times2(byte value)
        {
            return (byte)((value << 1) ^ ((value & 0x80) != 0 ? 0x1B : 0));
        }

        private static byte Multiply(byte a, int b)
        {
            int product = 0;
            byte power = a;
            for (int bit = b; bit != 0; bit >>= 1)
            {
                if ((bit & 1) != 0)
                {
                    product ^= power;
                }

                power = Times2(power);
            }

            return (byte)product;
        }

        /// <summary>The multiplicative inverse in GF(2^8), with 0 mapped to 0: a^254.</summary>
        private static byte Inverse(byte a)
        {
            byte result = 1;
            byte power = a;
            for (int e = 254; e != 0; e >>= 1)
            {
                if ((e & 1) != 0)
                {
                    result = Multiply(result, power);
                }

                power = Multiply(power, power);
            }

            return a == 0 ? (byte)0 : result;
        }
    }
}
