using LockFirmware.Battery;
using LockFirmware.Motor;
using LockFirmware.Protocol;
using LockFirmware.SelfTest;

namespace LockFirmware.Ble
{
    /// <summary>
    /// Encodes the lock's events and its status fields (docs/PROTOCOL.md, "Events" and
    /// "Status") into buffers it owns, so no notification allocates. Events go out through
    /// the protocol, which adds a MAC while a session is open.
    /// </summary>
    public sealed class Notices
    {
        /// <summary>Status fields: state alarm battery selftest locks(2) unlocks(2) warnings gasrisk verification faults kind warnings2.</summary>
        public const int StatusLength = 14;

        /// <summary>Event kinds (second byte of an event).</summary>
        public const byte StateChangedEvent = 0x01;
        public const byte SelfTestEvent = 0x02;

        private const int EventLength = 5;

        private readonly LockProtocol _protocol;
        private readonly byte[] _event = new byte[EventLength + 2 + ProtocolInfo.MacLength];

        public Notices(LockProtocol protocol)
        {
            _protocol = protocol;
        }

        public int WriteStatus(byte[] buffer, int offset, LockCore core)
        {
            buffer[offset] = (byte)core.State;
            buffer[offset + 1] = (byte)core.LastAlarm;
            buffer[offset + 2] = (byte)core.BatteryLevel;
            buffer[offset + 3] = (byte)core.LastSelfTest;
            Bytes.WriteUInt16(buffer, offset + 4, core.CompletedLocks);
            Bytes.WriteUInt16(buffer, offset + 6, core.CompletedUnlocks);
            buffer[offset + 8] = (byte)core.Warnings;
            buffer[offset + 9] = (byte)core.GasRisk;
            buffer[offset + 10] = (byte)(Nibble(core.BatteryVerification.HealthyLocks) << 4 | Nibble(core.BatteryVerification.HealthyUnlocks));
            buffer[offset + 11] = (byte)(core.FaultCount > 255 ? 255 : core.FaultCount);
            buffer[offset + 12] = (byte)core.Kind;
            // The warnings' second byte: MainsLost, BackupLow (0 on a door unit).
            buffer[offset + 13] = (byte)(core.Warnings >> 8);
            return StatusLength;
        }

        /// <summary>The bolt's state after motion finished: state, alarm, battery level.</summary>
        public void StateChanged(LockState state, MotorAlarm alarm, BatteryLevel battery)
        {
            _event[0] = MessageType.Event;
            _event[1] = StateChangedEvent;
            _event[2] = (byte)state;
            _event[3] = (byte)alarm;
            _event[4] = (byte)battery;
            _protocol.SendEvent(_event, EventLength);
        }

        public void SelfTestFinished(SelfTestOutcome outcome, int loadedMillivolts)
        {
            _event[0] = MessageType.Event;
            _event[1] = SelfTestEvent;
            _event[2] = (byte)outcome;
            Bytes.WriteUInt16(_event, 3, loadedMillivolts);
            _protocol.SendEvent(_event, EventLength);
        }

        private static int Nibble(int count)
        {
            return count > 15 ? 15 : count;
        }
    }
}
