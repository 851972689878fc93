using System.Threading;

namespace LockFirmware.Events
{
    /// <summary>
    /// A fixed ring of input events between interrupt/BLE threads and the one thread that
    /// runs the lock logic. Every slot owns its payload buffer, allocated once at start-up,
    /// so posting and taking allocate nothing (the device heap is about 50 KB).
    /// </summary>
    public sealed class InputQueue
    {
        /// <summary>
        /// Inputs that may wait for the lock logic on the board (button edges, door and mains
        /// sense edges, BLE writes); more are dropped and counted. The simulator's queue on the
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
        /// Read without the gate (the simulator asks before every dispatcher round): every write
        /// of the count happens under the gate, and a compare-exchange that puts back the value
        /// it finds is an atomic, fenced read on every target (on the board the interpreter runs
        /// it as one step). It cannot undo a concurrent Post, since it only ever writes the same
        /// value it read; a Post still holding the gate is seen before or after, as with the lock.
        /// </remarks>
        public bool HasInput
        {
            get { return Interlocked.CompareExchange(ref _count, 0, 0) > 0; }
        }

        public bool Post(InputKind kind)
        {
            return Post(kind, null, 0, 0);
        }

        /// <summary>Copies the payload into the queue; false (and counted) when it cannot.</summary>
        public bool Post(InputKind kind, byte[] payload, int offset, int count)
        {
            lock (_gate)
            {
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
                return true;
            }
        }

        /// <summary>
        /// Takes the oldest input, copying its payload into <paramref name="payload"/>
        /// (at least MaxPayload long). Returns InputKind.None when the queue is empty.
        /// </summary>
        public InputKind Take(byte[] payload, out int count)
        {
            lock (_gate)
            {
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
                return kind;
            }
        }
    }
}
