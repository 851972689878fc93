namespace LockFirmware.Ble
{
    /// <summary>
    /// Puts a message back together from its fragments, refusing anything that does not fit:
    /// a fragment out of order, a missing first fragment, a message longer than MaxMessage,
    /// or a gap longer than TimeoutMs. A refused message is dropped whole; nothing partial is
    /// ever handed on.
    /// </summary>
    public sealed class FragmentAssembler
    {
        private readonly byte[] _message = new byte[Fragment.MaxMessage];
        private int _length;
        private int _nextIndex = -1;
        private long _lastAt;

        /// <summary>The message once <see cref="Add"/> returned Complete.</summary>
        public byte[] Message
        {
            get { return _message; }
        }

        public int Length
        {
            get { return _length; }
        }

        public AssemblyResult Add(byte[] fragment, int count, long now)
        {
            if (count < 1)
            {
                return Drop(AssemblyResult.Malformed);
            }

            if (_nextIndex >= 0 && now - _lastAt > Fragment.TimeoutMs)
            {
                // The previous message stalled: forget it before looking at this fragment.
                _nextIndex = -1;
            }

            byte flags = fragment[0];
            int index = flags & Fragment.IndexMask;
            if ((flags & Fragment.First) != 0)
            {
                if (index != 0)
                {
                    return Drop(AssemblyResult.OutOfOrder);
                }

                _length = 0;
                _nextIndex = 0;
            }
            else if (_nextIndex < 0 || index != _nextIndex)
            {
                return Drop(AssemblyResult.OutOfOrder);
            }

            int data = count - 1;
            if (_length + data > Fragment.MaxMessage)
            {
                return Drop(AssemblyResult.TooLong);
            }

            if (data > 0)
            {
                // Native copy: on the interpreter a byte loop costs several IL instructions per byte.
                System.Array.Copy(fragment, 1, _message, _length, data);
            }

            _length += data;
            _lastAt = now;
            if ((flags & Fragment.Last) != 0)
            {
                _nextIndex = -1;
                return _length > 0 ? AssemblyResult.Complete : AssemblyResult.Malformed;
            }

            _nextIndex = (_nextIndex + 1) & Fragment.IndexMask;
            return AssemblyResult.Pending;
        }

        private AssemblyResult Drop(AssemblyResult why)
        {
            _nextIndex = -1;
            _length = 0;
            return why;
        }
    }
}
