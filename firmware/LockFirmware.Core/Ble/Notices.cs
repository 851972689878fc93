using LockFirmware.Battery;
using LockFirmware.Motor;
using LockFirmware.Ports;
using LockFirmware.SelfTest;

namespace LockFirmware.Ble
{
    /// <summary>
    /// Encodes what the lock notifies over BLE (responses and events) into buffers it owns,
    /// so no notification allocates.
    /// </summary>
    public sealed class Notices
    {
        /// <summary>Status response: header(6) state alarm battery selftest locks(2) unlocks(2) warnings gasrisk verification.</summary>
        public const int StatusLength = 17;

        private const int HeaderLength = 6;
        private readonly IBleLink _link;
        private readonly byte[] _response = new byte[StatusLength];
        private readonly byte[] _event = new byte[4];

        public Notices(IBleLink link)
        {
            _link = link;
        }

        public void Respond(byte opcode, ResultCode result, uint counter)
        {
            WriteHeader(opcode, result, counter);
            _link.Notify(_response, 0, HeaderLength);
        }

        public void RespondStatus(uint counter, LockCore core)
        {
            WriteHeader((byte)Opcode.Status, ResultCode.Ok, counter);
            _response[6] = (byte)core.State;
            _response[7] = (byte)core.LastAlarm;
            _response[8] = (byte)core.BatteryLevel;
            _response[9] = (byte)core.LastSelfTest;
            Bytes.WriteUInt16(_response, 10, core.CompletedLocks);
            Bytes.WriteUInt16(_response, 12, core.CompletedUnlocks);
            _response[14] = (byte)core.Warnings;
            _response[15] = (byte)core.GasRisk;
            _response[16] = (byte)(Nibble(core.BatteryVerification.HealthyLocks) << 4 | Nibble(core.BatteryVerification.HealthyUnlocks));
            _link.Notify(_response, 0, StatusLength);
        }

        /// <summary>The bolt's state after motion finished: state, alarm, battery level.</summary>
        public void StateChanged(LockState state, MotorAlarm alarm, BatteryLevel battery)
        {
            _event[0] = NoticeKind.StateChanged;
            _event[1] = (byte)state;
            _event[2] = (byte)alarm;
            _event[3] = (byte)battery;
            _link.Notify(_event, 0, 4);
        }

        public void SelfTestFinished(SelfTestOutcome outcome, int loadedMillivolts)
        {
            _event[0] = NoticeKind.SelfTestFinished;
            _event[1] = (byte)outcome;
            Bytes.WriteUInt16(_event, 2, loadedMillivolts);
            _link.Notify(_event, 0, 4);
        }

        private void WriteHeader(byte opcode, ResultCode result, uint counter)
        {
            _response[0] = (byte)(NoticeKind.ResponseFlag | opcode);
            _response[1] = (byte)result;
            Bytes.WriteUInt32(_response, 2, counter);
        }

        private static int Nibble(int count)
        {
            return count > 15 ? 15 : count;
        }
    }
}
