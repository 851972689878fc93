namespace LockFirmware.Security
{
    /// <summary>Key ids that must no longer open the lock; bounded, kept in flash by the owner.</summary>
    public sealed class RevocationList
    {
        public const int Capacity = 32;

        private readonly uint[] _keys = new uint[Capacity];

        public int Count { get; private set; }

        public uint this[int index]
        {
            get { return _keys[index]; }
        }

        public bool Contains(uint keyId)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_keys[i] == keyId)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False when the list is full: the admin must re-pair the lock (a new secret voids every credential).</summary>
        public bool Add(uint keyId)
        {
            if (Contains(keyId))
            {
                return true;
            }

            if (Count == Capacity)
            {
                return false;
            }

            _keys[Count++] = keyId;
            return true;
        }

        public void Clear()
        {
            Count = 0;
        }
    }
}
