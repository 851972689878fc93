using LockFirmware.Ports;
using LockFirmware.Protocol;
using LockFirmware.Time;

namespace LockFirmware.Ble
{
    /// <summary>
    /// Keeps the lock's one BLE connection available to staff and its advertising honest:
    /// - while a phone is connected NimBLE does not advertise, so a phone that has not opened a
    ///   session within <see cref="SessionOpenBoundMs"/>, or has been idle past the session
    ///   timeout, is dropped (never during a move: the phone waits for its event);
    /// - the advertised status is never changed while a phone is connected (on nanoFramework it
    ///   restarts the BLE stack: GattServiceProvider.StopAdvertising disposes the GATT
    ///   configuration and stops NimBLE, the restart waits up to 10 s); a new status goes on air
    ///   after the phone leaves, at most once per <see cref="AdvertiseIntervalMs"/>; connected
    ///   phones read or subscribe to the status characteristic instead;
    /// - every connect and disconnect resets the notification size to the 20-byte default.
    /// </summary>
    public sealed class LinkSupervisor
    {
        /// <summary>A connection without a session is dropped after this long.</summary>
        public const int SessionOpenBoundMs = 10000;

        /// <summary>A connection idle this long is dropped: the session would have timed out anyway.</summary>
        public const int IdleBoundMs = ProtocolInfo.SessionIdleTimeoutMs;

        /// <summary>Shortest time between two changes of the advertised status (each one a stack restart on the device).</summary>
        public const int AdvertiseIntervalMs = 60000;

        /// <summary>While a move runs, the guard looks again this much later.</summary>
        private const int MoveRecheckMs = 1000;

        private readonly IBleLink _link;
        private readonly Timers _timers;
        private readonly NoticeSender _sender;
        private readonly LegacyAdvertisement _packets = new LegacyAdvertisement();
        private readonly byte[] _scratch = new byte[16];
        private readonly byte[] _serial;
        private long _connectedAt;
        private long _lastWriteAt;
        private bool _hadSession;
        private int _advertised = -1;
        private long _advertisedAt;

        public LinkSupervisor(IBleLink link, Timers timers, NoticeSender sender, byte[] serial8)
        {
            _link = link;
            _timers = timers;
            _sender = sender;
            _serial = serial8;
        }

        public bool IsConnected { get; private set; }

        /// <summary>The status byte on air now; -1 before the first advertisement.</summary>
        public int AdvertisedStatus
        {
            get { return _advertised; }
        }

        /// <summary>The packets last put on air (or being built).</summary>
        public LegacyAdvertisement Packets
        {
            get { return _packets; }
        }

        public void OnConnected(long now)
        {
            IsConnected = true;
            _connectedAt = now;
            _lastWriteAt = now;
            _hadSession = false;
            _sender.PayloadSize = Fragment.DefaultPayload;
            _timers.Start(TimerId.LinkGuard, now + SessionOpenBoundMs);
        }

        /// <summary>False when no phone was connected (a second report of the same disconnection).</summary>
        public bool OnDisconnected(long now)
        {
            _sender.PayloadSize = Fragment.DefaultPayload;
            if (!IsConnected)
            {
                return false;
            }

            IsConnected = false;
            _timers.Cancel(TimerId.LinkGuard);
            return true;
        }

        /// <summary>The ATT payload the phone negotiated; ignored without a connection.</summary>
        public void OnMtu(int payload)
        {
            if (IsConnected)
            {
                _sender.PayloadSize = payload < Fragment.DefaultPayload ? Fragment.DefaultPayload : payload;
            }
        }

        /// <summary>A fragment arrived; <paramref name="sessionOpen"/> is the protocol's state after handling it.</summary>
        public void OnWrite(long now, bool sessionOpen)
        {
            if (!IsConnected)
            {
                // The connection report was lost (a full input queue): a write proves one.
                OnConnected(now);
            }

            _lastWriteAt = now;
            _hadSession |= sessionOpen;
            _timers.Start(TimerId.LinkGuard, Deadline(sessionOpen));
        }

        /// <summary>The guard timer: true when the phone has to go (the caller drops it).</summary>
        public bool ShouldDrop(long now, bool sessionOpen, bool moving)
        {
            if (!IsConnected)
            {
                return false;
            }

            long deadline = Deadline(sessionOpen);
            if (now < deadline)
            {
                _timers.Start(TimerId.LinkGuard, deadline);
                return false;
            }

            if (moving)
            {
                _timers.Start(TimerId.LinkGuard, now + MoveRecheckMs);
                return false;
            }

            return true;
        }

        /// <summary>Drops the phone now; the link's own report of it will find nothing connected.</summary>
        public void Drop(long now)
        {
            _link.Disconnect();
            OnDisconnected(now);
        }

        /// <summary>
        /// After each round of lock logic and on the Advertise timer: puts a changed status on air
        /// when no phone is connected and the last change is long enough ago; otherwise waits.
        /// </summary>
        public void Refresh(byte status, long now)
        {
            if (IsConnected || status == _advertised)
            {
                return;
            }

            long allowedAt = _advertised < 0 ? now : _advertisedAt + AdvertiseIntervalMs;
            if (now < allowedAt)
            {
                _timers.Start(TimerId.Advertise, allowedAt);
                return;
            }

            _timers.Cancel(TimerId.Advertise);
            if (LockAdvertisement.Build(_packets, status, ProtocolInfo.ProtocolVersion, _serial, _scratch))
            {
                _advertised = status;
                _advertisedAt = now;
                _link.Advertise(_packets);
            }
        }

        private long Deadline(bool sessionOpen)
        {
            if (!_hadSession)
            {
                return _connectedAt + SessionOpenBoundMs;
            }

            return _lastWriteAt + (sessionOpen ? IdleBoundMs : SessionOpenBoundMs);
        }
    }
}
