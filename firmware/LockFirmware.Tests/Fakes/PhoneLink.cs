using LockFirmware.Ble;
using LockFirmware.Ports;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The phone's end of the BLE link: puts the lock's notifications back together into
    /// messages (docs/PROTOCOL.md, "Transport") and keeps the last few, oldest dropped first.
    /// </summary>
    public sealed class PhoneLink : IBleLink
    {
        private const int Kept = 4;

        private readonly byte[][] _messages = new byte[Kept][];
        private readonly int[] _lengths = new int[Kept];
        private readonly byte[] _assembling = new byte[Fragment.MaxMessage];
        private int _assembled;
        private bool _dropped;

        public PhoneLink()
        {
            for (int i = 0; i < Kept; i++)
            {
                _messages[i] = new byte[Fragment.MaxMessage];
            }
        }

        /// <summary>Messages received so far.</summary>
        public int Count { get; private set; }

        public int Disconnects { get; private set; }

        /// <summary>The last message, as hex.</summary>
        public string Last
        {
            get { return Count == 0 ? "" : Hex.Of(_messages[(Count - 1) % Kept], 0, _lengths[(Count - 1) % Kept]); }
        }

        /// <summary>The answer's result code: the second byte of the last message.</summary>
        public ResultCode LastResult
        {
            get { return (ResultCode)_messages[(Count - 1) % Kept][1]; }
        }

        /// <summary>Message number <paramref name="index"/> (0 = the first received); only the last few are kept.</summary>
        public byte[] Message(int index, out int length)
        {
            length = _lengths[index % Kept];
            return _messages[index % Kept];
        }

        public void Notify(byte[] buffer, int offset, int count)
        {
            byte flags = buffer[offset];
            if ((flags & Fragment.First) != 0)
            {
                _assembled = 0;
            }

            for (int i = 1; i < count; i++)
            {
                _assembling[_assembled++] = buffer[offset + i];
            }

            if ((flags & Fragment.Last) != 0)
            {
                byte[] message = _messages[Count % Kept];
                for (int i = 0; i < _assembled; i++)
                {
                    message[i] = _assembling[i];
                }

                _lengths[Count % Kept] = _assembled;
                Count++;
            }
        }

        /// <summary>Advertising is LinkSupervisorTests' subject (with RecordingBleLink), not this phone's.</summary>
        public void Advertise(LegacyAdvertisement packets)
        {
        }

        public void Disconnect()
        {
            Disconnects++;
            _dropped = true;
        }

        /// <summary>True once after the lock dropped the phone: the BLE stack then reports the disconnection.</summary>
        public bool TakeDropped()
        {
            bool dropped = _dropped;
            _dropped = false;
            return dropped;
        }
    }
}
