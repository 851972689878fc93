namespace LockFirmware.Events
{
    /// <summary>
    /// A fixed ring of input events between interrupt/BLE threads and the one thread that
    /// runs the lock logic. Every slot owns its payload buffer, allocated once at start-up,
    /// so posting and taking allocate nothing (the device heap is about 50 KB).
    /// The edges of a level input (push button, door contact, mains sense) are never dropped:
    /// when the ring is full (the dispatcher held by a flash commit), the input's latest level
    /// waits in a slot of its own beside the ring, taken after what was queued before it. Two
    /// edges that meet there leave only the last, so the lock logic may miss a flicker but never
    /// the level the input settled at, which it would otherwise not learn until the next edge.
    /// </summary>
    public sealed class InputQueue
    {
        /// <summary>
        /// Inputs that may wait for the lock logic on the board (button edges, door and mains
        /// sense edges, BLE writes); more BLE inputs are dropped and counted, a level input's
        /// edge is kept beside the ring. The simulator's queue on the
        /// board's timing has the same size, so it refuses what the board refuses.
        /// </summary>
        public const int BoardCapacity = 8;

        /// <summary>Largest BLE write kept: an ATT payload at the largest MTU the lock negotiates.</summary>
        public const int MaxPayload = Ble.Fragment.MaxPayload;

        private readonly InputKind[] _kinds;
        private readonly byte[][] _payloads;
        private readonly int[] _lengths;
        private readonly object _gate = new object();
        private int _head;
        private int _count;
        private int _dropped;

        /// <summary>Ring inputs taken so far (wrapping): what a kept level is ordered against.</summary>
        private int _taken;

        // One kept level per level input (button, door, mains), by LevelSlot.
        private readonly InputKind[] _levels = new InputKind[3];
        private readonly bool[] _levelKept = new bool[3];

        /// <summary>The kept level is taken once the ring has handed out this many inputs (those queued before it).</summary>
        private readonly int[] _levelAfter = new int[3];

        /// <summary>Orders kept levels due at the same point by when each was first kept.</summary>
        private readonly int[] _levelOrder = new int[3];
        private int _keptSerial;

        /// <summary>
        /// Inputs waiting in all, in the ring and beside it: written under the gate, read without it.
        /// Beyond the ring's count are the kept levels: while there are none (always, unless the
        /// ring filled) a take looks at none of them.
        /// </summary>
        private int _waiting;

        public InputQueue(int capacity)
        {
            _kinds = new InputKind[capacity];
            _lengths = new int[capacity];
            _payloads = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                _payloads[i] = new byte[MaxPayload];
            }
        }

        /// <summary>Inputs refused because the queue was full or the payload too large.</summary>
        public int Dropped
        {
            get { lock (_gate) { return _dropped; } }
        }

        /// <summary>True while an input waits to be taken.</summary>
        /// <remarks>
        /// A plain read without the gate (the simulator asks before every dispatcher round, and
        /// every take of an empty queue asks first); every write of the waiting count happens
        /// under the gate. On the board every managed thread is interpreted on the one RTOS task
        /// of nanoCLR (nanoframework/Home docs/architecture/thread-execution.md), so a field read
        /// always sees the last write, and costs one field load where a fenced read (a native
        /// Interlocked call) or the gate (two native Monitor calls) cost more. On a host runtime a
        /// read that misses a concurrent Post costs nothing either: every adapter wakes the
        /// dispatcher after its post, and that wake (an event) fences, so the next round sees it.
        /// </remarks>
        public bool HasInput
        {
            get { return _waiting > 0; }
        }

        public bool Post(InputKind kind)
        {
            return Post(kind, null, 0, 0);
        }

        /// <summary>Copies the payload into the queue; false (and counted) when it cannot. A level input's edge is always taken.</summary>
        public bool Post(InputKind kind, byte[] payload, int offset, int count)
        {
            lock (_gate)
            {
                int level = LevelSlot(kind);
                if (level >= 0 && (_levelKept[level] || _count == _kinds.Length))
                {
                    // Beside the ring: a later edge of the same input only changes the level kept.
                    if (!_levelKept[level])
                    {
                        _levelKept[level] = true;
                        _waiting++;
                        _levelAfter[level] = _taken + _count;
                        _levelOrder[level] = _keptSerial++;
                    }

                    _levels[level] = kind;
                    return true;
                }

                if (_count == _kinds.Length || count > MaxPayload || count < 0)
                {
                    _dropped++;
                    return false;
                }

                int slot = (_head + _count) % _kinds.Length;
                _kinds[slot] = kind;
                _lengths[slot] = count;
                if (count > 0)
                {
                    // One native memmove: a loop would cost the interpreter several IL instructions per byte.
                    System.Array.Copy(payload, offset, _payloads[slot], 0, count);
                }

                _count++;
                _waiting++;
                return true;
            }
        }

        /// <summary>
        /// Takes the oldest input, copying its payload into <paramref name="payload"/>
        /// (at least MaxPayload long). Returns InputKind.None when the queue is empty.
        /// </summary>
        public InputKind Take(byte[] payload, out int count)
        {
            // Most rounds find the queue empty (a motor step, a timer): they need not take the gate.
            // The dispatcher alone takes, and every adapter wakes it after its Post has left the gate
            // (Esp32/GattLockService, Esp32/ContactInput: Dispatcher.Wake, an AutoResetEvent), so an
            // input this look misses is taken in the round that wake brings.
            if (!HasInput)
            {
                count = 0;
                return InputKind.None;
            }

            lock (_gate)
            {
                int level = _waiting > _count ? DueLevel() : -1;
                if (level >= 0)
                {
                    _levelKept[level] = false;
                    _waiting--;
                    count = 0;
                    return _levels[level];
                }

                if (_count == 0)
                {
                    count = 0;
                    return InputKind.None;
                }

                InputKind kind = _kinds[_head];
                count = _lengths[_head];
                if (count > 0)
                {
                    System.Array.Copy(_payloads[_head], 0, payload, 0, count);
                }

                _head = (_head + 1) % _kinds.Length;
                _count--;
                _waiting--;
                _taken++;
                return kind;
            }
        }

        /// <summary>The kept level whose turn has come (everything queued before it taken), the earliest first; -1 if none.</summary>
        private int DueLevel()
        {
            int due = -1;
            for (int i = 0; i < _levelKept.Length; i++)
            {
                // A difference, so the count may wrap.
                if (_levelKept[i] && _taken - _levelAfter[i] >= 0 && (due < 0 || _levelOrder[i] - _levelOrder[due] < 0))
                {
                    due = i;
                }
            }

            return due;
        }

        /// <summary>Which kept level an input's edge belongs to; -1 for an input that is not a level (BLE).</summary>
        private static int LevelSlot(InputKind kind)
        {
            switch (kind)
            {
                case InputKind.ButtonDown:
                case InputKind.ButtonUp:
                    return 0;
                case InputKind.DoorOpened:
                case InputKind.DoorClosed:
                    return 1;
                case InputKind.MainsPresent:
                case InputKind.MainsLost:
                    return 2;
                default:
                    return -1;
            }
        }
    }
}
