namespace LockFirmware.Security
{
    /// <summary>
    /// Key ids that must no longer open the lock, bounded, kept in flash by the owner
    /// (Storage/LockMemory, its own record). Held sorted, so the check on every HELLO and every
    /// command is a binary search: at most 9 probes for a port unit's 256 ids, where a linear
    /// scan would walk all of them for every key that is not revoked (hardware/boards/port-unit.md,
    /// "Capacity for a building", has the figures).
    /// </summary>
    public sealed class RevocationList
    {
        /// <summary>A door unit: one customer's door, re-paired whenever the customer moves.</summary>
        public const int DoorCapacity = 32;

        /// <summary>
        /// A port or laundry-room unit: the staff of every customer of a building, two
        /// organisations, re-paired only at the backup pack's service (hardware/boards/port-unit.md,
        /// "Capacity for a building", derives the figure).
        /// </summary>
        public const int BuildingCapacity = 256;

        private readonly uint[] _keys;

        public RevocationList(int capacity)
        {
            _keys = new uint[capacity];
        }

        /// <summary>The list for a unit of <paramref name="kind"/>.</summary>
        public static int CapacityFor(UnitKind kind)
        {
            return kind == UnitKind.Door ? DoorCapacity : BuildingCapacity;
        }

        public int Capacity
        {
            get { return _keys.Length; }
        }

        public int Count { get; private set; }

        /// <summary>The <paramref name="index"/>-th id in ascending order.</summary>
        public uint this[int index]
        {
            get { return _keys[index]; }
        }

        /// <summary>Allocation-free: a binary search of the sorted ids.</summary>
        public bool Contains(uint keyId)
        {
            return IndexOf(keyId) >= 0;
        }

        /// <summary>False when the list is full: the admin must re-pair the lock (a new secret voids every credential).</summary>
        public bool Add(uint keyId)
        {
            int at = IndexOf(keyId);
            if (at >= 0)
            {
                return true;
            }

            if (Count == _keys.Length)
            {
                return false;
            }

            // ~at is where the id belongs; the larger ones move up one place.
            at = ~at;
            for (int i = Count; i > at; i--)
            {
                _keys[i] = _keys[i - 1];
            }

            _keys[at] = keyId;
            Count++;
            return true;
        }

        public void Clear()
        {
            Count = 0;
        }

        /// <summary>
        /// Replaces the list with <paramref name="count"/> ids read from flash at
        /// <paramref name="offset"/>; false (list left empty) unless they fit and are strictly
        /// ascending, as <see cref="Encode"/> writes them.
        /// </summary>
        public bool Decode(byte[] payload, int offset, int count)
        {
            Count = 0;
            if (count < 0 || count > _keys.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                uint key = Bytes.ReadUInt32(payload, offset + i * 4);
                if (i > 0 && key <= _keys[i - 1])
                {
                    return false;
                }

                _keys[i] = key;
            }

            Count = count;
            return true;
        }

        /// <summary>Writes the ids in ascending order, 4 bytes each, at <paramref name="offset"/>.</summary>
        public void Encode(byte[] payload, int offset)
        {
            for (int i = 0; i < Count; i++)
            {
                Bytes.WriteUInt32(payload, offset + i * 4, _keys[i]);
            }
        }

        /// <summary>The id's index, or the complement of where it would go.</summary>
        private int IndexOf(uint keyId)
        {
            uint[] keys = _keys;
            int low = 0;
            int high = Count - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                uint key = keys[middle];
                if (key == keyId)
                {
                    return middle;
                }

                if (key < keyId)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return ~low;
        }
    }
}
