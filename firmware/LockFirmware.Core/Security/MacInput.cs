using LockFirmware.Ports;

namespace LockFirmware.Security
{
    /// <summary>
    /// Builds "label || parts" in a buffer it owns and MACs it: every MAC of the protocol
    /// has a label in front, and none of them may allocate on the command path.
    /// </summary>
    public sealed class MacInput
    {
        private readonly byte[] _buffer = new byte[320];
        private int _length;

        public MacInput Start(byte[] label)
        {
            _length = 0;
            return Add(label, 0, label.Length);
        }

        public MacInput Add(byte[] data, int offset, int count)
        {
            if (count > 0)
            {
                // Native copy: on the interpreter a byte loop costs several IL instructions per byte.
                System.Array.Copy(data, offset, _buffer, _length, count);
            }

            _length += count;
            return this;
        }

        public MacInput AddUInt32(uint value)
        {
            Bytes.WriteUInt32(_buffer, _length, value);
            _length += 4;
            return this;
        }

        public void ComputeWith(IKeyedMac mac, byte[] output, int outputOffset)
        {
            mac.Compute(_buffer, 0, _length, output, outputOffset);
        }
    }
}
