using LockFirmware.Ble;

namespace LockFirmware.Security
{
    /// <summary>
    /// Wall time by the lock's own reckoning (docs/PROTOCOL.md, "Time"). A backend-signed token
    /// anchors Unix seconds to the monotonic tick. The high-water mark is the highest time the
    /// lock has ever known; it is kept in flash, never goes down except at pairing (a new secret
    /// starts a new history), and the lock's time never reads below it. So a chain of old
    /// tokens, each a little older, cannot walk the clock back, and a credential that has
    /// expired stays expired. Staff-level tokens may only move time forward by a bounded step,
    /// so one wrong future token cannot lock everyone out. No arithmetic here can wrap.
    /// </summary>
    public sealed class LockClock
    {
        /// <summary>How far below the high-water mark a token may still re-anchor the clock (drift between phones and the lock).</summary>
        public const uint ToleranceSeconds = 300;

        /// <summary>
        /// Largest forward step of a staff-level token while the clock runs: a year of crystal
        /// drift (about 40 ppm, 21 min) with room to spare.
        /// </summary>
        public const uint RunningStepSeconds = 3600;

        /// <summary>
        /// Largest forward step of a staff-level token after a power loss, from the high-water
        /// mark: a battery change takes minutes, a flat battery can sit for days. Beyond it an
        /// installer-level token (or pairing) is needed.
        /// </summary>
        public const uint UnknownStepSeconds = 7 * 86400;

        private uint _anchorUnix;
        private long _anchorTicks;

        /// <summary>False after boot until a token or a pairing gives the time.</summary>
        public bool IsKnown { get; private set; }

        /// <summary>The highest Unix time the lock has known; restored from flash at boot, persisted by the owner.</summary>
        public uint HighWater { get; set; }

        /// <summary>The lock's time: the running clock, never below the high-water mark (which it raises).</summary>
        public uint Now(long ticks)
        {
            if (IsKnown)
            {
                long running = _anchorUnix + (ticks - _anchorTicks) / 1000;
                if (running > uint.MaxValue)
                {
                    running = uint.MaxValue;
                }

                if (running > HighWater)
                {
                    HighWater = (uint)running;
                }
            }

            return HighWater;
        }

        /// <summary>
        /// Takes a verified token's time: TimeRejected when it is below the high-water mark by
        /// more than the tolerance; TimeNeedsInstaller when a staff-level token is further ahead
        /// than the step allows; Ok (clock anchored) otherwise.
        /// </summary>
        public ResultCode Set(uint unixSeconds, Role authority, long ticks)
        {
            long reference = Now(ticks);
            if ((long)unixSeconds + ToleranceSeconds < reference)
            {
                return ResultCode.TimeRejected;
            }

            long step = IsKnown ? RunningStepSeconds : UnknownStepSeconds;
            if (authority < Role.Installer && (long)unixSeconds > reference + step)
            {
                return ResultCode.TimeNeedsInstaller;
            }

            Anchor(unixSeconds, ticks);
            return ResultCode.Ok;
        }

        /// <summary>
        /// Pairing: the new secret voids every credential and token made before, so its time
        /// (sealed by the back office with the unit's factory key) becomes the new high-water
        /// mark, even below the old one. This is the recovery from a clock set too far ahead.
        /// </summary>
        public void Restart(uint unixSeconds, long ticks)
        {
            HighWater = unixSeconds;
            Anchor(unixSeconds, ticks);
        }

        private void Anchor(uint unixSeconds, long ticks)
        {
            _anchorUnix = unixSeconds;
            _anchorTicks = ticks;
            IsKnown = true;
            if (unixSeconds > HighWater)
            {
                HighWater = unixSeconds;
            }
        }
    }
}
