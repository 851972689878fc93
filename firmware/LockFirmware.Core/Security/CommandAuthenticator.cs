using LockFirmware.Ble;
using LockFirmware.Ports;

namespace LockFirmware.Security
{
    /// <summary>
    /// Checks a skeleton command frame: its tag must be the HMAC of the frame under the lock's
    /// secret, and its counter must be above the last accepted one, so a recorded frame
    /// cannot be replayed or reordered. The owner persists <see cref="LastCounter"/> in flash
    /// before acting on a frame, so a reboot does not reopen old counters.
    /// </summary>
    public sealed class CommandAuthenticator
    {
        private readonly IMessageAuthenticator _mac;
        private readonly byte[] _expected = new byte[32];

        public CommandAuthenticator(IMessageAuthenticator mac)
        {
            _mac = mac;
        }

        /// <summary>The highest counter accepted so far (restored from flash at boot).</summary>
        public uint LastCounter { get; set; }

        /// <summary>Ok, BadMac or Replayed. Accepting a frame advances the counter; a refusal changes nothing.</summary>
        public ResultCode Verify(byte[] frame, int length)
        {
            int signedLength = length - CommandFrame.TagLength;
            _mac.ComputeMac(frame, 0, signedLength, _expected, 0);
            if (!ConstantTime.Equals(_expected, 0, frame, signedLength, CommandFrame.TagLength))
            {
                return ResultCode.BadMac;
            }

            uint counter = Bytes.ReadUInt32(frame, CommandFrame.CounterOffset);
            if (counter <= LastCounter)
            {
                return ResultCode.Replayed;
            }

            LastCounter = counter;
            return ResultCode.Ok;
        }
    }
}
