using LockFirmware.Ports;

namespace LockFirmware.Ble
{
    /// <summary>Cuts an outgoing message into notifications that fit the link's payload size.</summary>
    public sealed class NoticeSender
    {
        private readonly IBleLink _link;
        private readonly byte[] _fragment = new byte[Fragment.MaxPayload];

        public NoticeSender(IBleLink link)
        {
            _link = link;
            PayloadSize = Fragment.DefaultPayload;
        }

        /// <summary>ATT payload per notification: 20 until the phone negotiates a larger MTU.</summary>
        public int PayloadSize { get; set; }

        public void Send(byte[] message, int count)
        {
            int perFragment = (PayloadSize > Fragment.MaxPayload ? Fragment.MaxPayload : PayloadSize) - 1;
            int sent = 0;
            int index = 0;
            do
            {
                int chunk = count - sent < perFragment ? count - sent : perFragment;
                byte flags = (byte)(index & Fragment.IndexMask);
                if (sent == 0)
                {
                    flags |= Fragment.First;
                }

                if (sent + chunk == count)
                {
                    flags |= Fragment.Last;
                }

                _fragment[0] = flags;
                for (int i = 0; i < chunk; i++)
                {
                    _fragment[1 + i] = message[sent + i];
                }

                _link.Notify(_fragment, 0, chunk + 1);
                sent += chunk;
                index++;
            }
            while (sent < count);
        }
    }
}
